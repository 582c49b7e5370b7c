package dev.krypton.kmip.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.kmip.DecodeLimits;
import dev.krypton.kmip.TtlvDecoder;
import dev.krypton.kmip.TtlvEncoder;
import dev.krypton.kmip.Ttlv;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message of every OASIS KMIP 1.4 and 2.1 test case survives each encoding: XML to tree,
 * tree to TTLV bytes and back, tree to XML and back, tree to JSON and back. No case is exempt.
 */
class OasisRoundTripTest {

    static List<OasisCases.Message> messages() {
        return OasisCases.messages();
    }

    @Test
    void the_corpus_holds_every_message_of_both_versions() {
        List<String> files = OasisCases.files();
        assertThat(files).hasSize(89).anyMatch(f -> f.startsWith("v1.4/")).anyMatch(f -> f.startsWith("v2.1/"));
        long expected = files.stream()
                .mapToLong(f -> OasisCases.text(f).replaceAll("(?s)<!--.*?-->", "").split("<RequestMessage>|<ResponseMessage>", -1).length - 1)
                .sum();
        assertThat(messages()).hasSize((int) expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void ttlv_bytes_decode_to_the_same_tree(OasisCases.Message message) {
        byte[] bytes = TtlvEncoder.encode(message.item());
        assertThat(TtlvDecoder.decode(bytes, 0, bytes.length, DecodeLimits.DEFAULT)).isEqualTo(message.item());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void xml_encoding_decodes_to_the_same_tree(OasisCases.Message message) {
        String xml = KmipXml.encode(message.item());
        assertThat(KmipXml.decode(xml)).isEqualTo(message.item());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void json_encoding_decodes_to_the_same_tree(OasisCases.Message message) {
        String json = KmipJson.encode(message.item());
        assertThat(KmipJson.decode(json)).isEqualTo(message.item());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void every_message_is_a_request_or_response(OasisCases.Message message) {
        assertThat(message.item().tag().xmlName()).isIn("RequestMessage", "ResponseMessage");
        assertThat(message.item()).isInstanceOf(Ttlv.Structure.class);
    }
}
