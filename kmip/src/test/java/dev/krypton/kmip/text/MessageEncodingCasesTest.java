package dev.krypton.kmip.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.kmip.DecodeLimits;
import dev.krypton.kmip.TtlvDecoder;
import dev.krypton.kmip.TtlvEncoder;
import dev.krypton.kmip.Ttlv;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The message-encoding profile cases (MSGENC-XML, MSGENC-JSON, MSGENC-HTTPS, KMIP 1.4 and 2.1).
 *
 * <p>The published case files hold XML only (the JSON and HTTPS files carry the same XML
 * messages), so the JSON and TTLV forms of the first request are written by hand beside them,
 * in the other legal spellings each encoding allows (hex numbers, specification tag names, hex
 * tags, {@code type="Structure"}, reordered members), and must decode to the same tree.
 */
class MessageEncodingCasesTest {

    private static Ttlv firstRequest() {
        String xml = OasisCases.resolvePlaceholders(OasisCases.text("v1.4/MSGENC-JSON-M-1-14.xml"));
        return KmipXml.decodeSequence(xml, DecodeLimits.DEFAULT).getFirst();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MessageEncodingCasesTest.class.getResourceAsStream("/msgenc/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void hand_written_json_decodes_to_the_tree_of_the_xml_case() throws IOException {
        assertThat(KmipJson.decode(resource("query-request.json"))).isEqualTo(firstRequest());
    }

    @Test
    void xml_in_its_other_legal_forms_decodes_to_the_same_tree() throws IOException {
        assertThat(KmipXml.decode(resource("query-request.xml"))).isEqualTo(firstRequest());
    }

    @Test
    void the_xml_case_encodes_to_the_hand_assembled_ttlv_bytes() throws IOException {
        String hex = resource("query-request.ttlv.hex").lines()
                .filter(line -> !line.startsWith("#"))
                .map(line -> line.replace(" ", ""))
                .reduce("", String::concat);
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertThat(TtlvEncoder.encode(firstRequest())).isEqualTo(bytes);
        assertThat(TtlvDecoder.decode(bytes)).isEqualTo(firstRequest());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1.4/MSGENC-JSON-M-1-14.xml", "v1.4/MSGENC-XML-M-1-14.xml",
            "v1.4/MSGENC-HTTPS-M-1-14.xml", "v2.1/MSGENC-JSON-M-1-21.xml", "v2.1/MSGENC-XML-M-1-21.xml",
            "v2.1/MSGENC-HTTPS-M-1-21.xml"})
    void every_message_of_the_case_reads_the_same_in_xml_json_and_ttlv(String file) {
        List<Ttlv> messages = KmipXml.decodeSequence(OasisCases.resolvePlaceholders(OasisCases.text(file)),
                DecodeLimits.DEFAULT);
        assertThat(messages).isNotEmpty();
        for (Ttlv message : messages) {
            Ttlv fromJson = KmipJson.decode(KmipJson.encode(message));
            Ttlv fromTtlv = TtlvDecoder.decode(TtlvEncoder.encode(message));
            Ttlv fromXml = KmipXml.decode(KmipXml.encode(message));
            assertThat(List.of(fromJson, fromTtlv, fromXml)).containsOnly(message);
        }
    }
}
