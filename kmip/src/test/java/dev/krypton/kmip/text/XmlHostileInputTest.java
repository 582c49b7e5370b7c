package dev.krypton.kmip.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.kmip.DecodeLimits;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile and malformed XML: every one is one KmipException, and nothing is fetched or expanded. */
class XmlHostileInputTest {

    private static KmipException rejected(String xml) {
        try {
            KmipXml.decode(xml);
        } catch (KmipException expected) {
            return expected;
        }
        throw new AssertionError("accepted: " + xml);
    }

    @Test
    void external_entities_and_external_dtds_are_never_fetched() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + listener.getLocalPort() + "/x";
            rejected("<!DOCTYPE m [<!ENTITY e SYSTEM \"" + url + "\">]><Name type=\"TextString\" value=\"&e;\"/>");
            rejected("<!DOCTYPE m SYSTEM \"" + url + "\"><Name type=\"TextString\" value=\"a\"/>");
            rejected("<!DOCTYPE m [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]><Name type=\"TextString\" value=\"a\"/>");
            listener.setSoTimeout(300);
            assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void local_files_are_not_read_through_entities() {
        KmipException e = rejected("<!DOCTYPE m [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>"
                + "<Name type=\"TextString\" value=\"&e;\"/>");
        assertThat(e.reason()).isEqualTo(ResultReason.INVALID_MESSAGE);
    }

    @Test
    void entity_expansion_bombs_are_refused_before_expanding() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE m [<!ENTITY a0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]><Name type=\"TextString\" value=\"&a9;\"/>");
        assertThat(rejected(dtd.toString()).reason()).isEqualTo(ResultReason.INVALID_MESSAGE);
        assertThat(rejected("<Name type=\"TextString\" value=\"&undeclared;\"/>").reason())
                .isEqualTo(ResultReason.INVALID_MESSAGE);
    }

    @Test
    void nesting_beyond_the_depth_limit_is_refused_and_within_it_accepted() {
        DecodeLimits limits = DecodeLimits.DEFAULT.withMaxDepth(4);
        assertThat(KmipXml.decode(nested(4), limits)).isInstanceOf(Ttlv.Structure.class);
        assertThatThrownBy(() -> KmipXml.decode(nested(5), limits)).isInstanceOf(KmipException.class);
        assertThatThrownBy(() -> KmipXml.decode(nested(100_000))).isInstanceOf(KmipException.class);
    }

    private static String nested(int depth) {
        return "<Attribute>".repeat(depth) + "</Attribute>".repeat(depth);
    }

    @Test
    void more_items_than_the_limit_are_refused() {
        String xml = "<Attribute>" + "<AttributeName type=\"TextString\" value=\"x\"/>".repeat(9) + "</Attribute>";
        assertThat(KmipXml.decode(xml, DecodeLimits.DEFAULT.withMaxItems(10))).isInstanceOf(Ttlv.Structure.class);
        assertThatThrownBy(() -> KmipXml.decode(xml, DecodeLimits.DEFAULT.withMaxItems(9)))
                .isInstanceOf(KmipException.class);
    }

    @Test
    void documents_over_the_size_limit_are_refused_before_parsing() {
        String xml = "<Name type=\"TextString\" value=\"" + "a".repeat(100) + "\"/>";
        DecodeLimits small = DecodeLimits.DEFAULT.withMaxMessageBytes(64);
        assertThatThrownBy(() -> KmipXml.decode(xml, small)).isInstanceOf(KmipException.class);
        assertThatThrownBy(() -> KmipXml.decode(xml.getBytes(StandardCharsets.UTF_8), small))
                .isInstanceOf(KmipException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "<", "not xml", "<Name type=\"TextString\" value=\"a\">text</Name>",
        "<Name type=\"TextString\" value=\"a\"><Name type=\"TextString\" value=\"b\"/></Name>",
        "<Name type=\"TextString\"/>", "<Name type=\"TextString\" value=\"a\" extra=\"1\"/>",
        "<NoSuchTag type=\"TextString\" value=\"a\"/>", "<Name type=\"NoSuchType\" value=\"a\"/>",
        "<TTLV type=\"TextString\" value=\"a\"/>", "<TTLV tag=\"0x330001\" type=\"TextString\" value=\"a\"/>",
        "<x:Name xmlns:x=\"urn:x\" type=\"TextString\" value=\"a\"/>",
        "<Attribute value=\"a\"/>", "<Attribute type=\"Structure\" value=\"a\"/>",
        "<BatchCount type=\"Integer\" value=\"abc\"/>", "<BatchCount type=\"Integer\" value=\"4294967296\"/>",
        "<BatchCount type=\"Integer\" value=\"+1\"/>", "<BatchCount type=\"Integer\" value=\"\u0661\"/>",
        "<Operation type=\"Enumeration\" value=\"NoSuchOperation\"/>", "<Operation type=\"Enumeration\" value=\"-1\"/>",
        "<CryptographicUsageMask type=\"Integer\" value=\"Encrypt Nope\"/>",
        "<LeaseTime type=\"Interval\" value=\"-1\"/>", "<Fresh type=\"Boolean\" value=\"yes\"/>",
        "<KeyMaterial type=\"ByteString\" value=\"abc\"/>", "<KeyMaterial type=\"ByteString\" value=\"zz\"/>",
        "<Modulus type=\"BigInteger\" value=\"\"/>", "<TimeStamp type=\"DateTime\" value=\"$NOW\"/>",
        "<TimeStamp type=\"DateTime\" value=\"2020-01-01T00:00:00\"/>",
        "<TimeStamp type=\"DateTime\" value=\"2020-01-01T00:00:00.5Z\"/>",
        "<UsageLimitsTotal type=\"LongInteger\" value=\"9223372036854775808\"/>",
        "<Name type=\"TextString\" value=\"a\"/><Name type=\"TextString\" value=\"b\"/>"})
    void malformed_documents_fail_with_one_kmip_exception(String xml) {
        assertThat(rejected(xml).reason()).isIn(ResultReason.INVALID_MESSAGE, ResultReason.INVALID_FIELD);
    }

    @Test
    void bytes_in_an_unknown_or_broken_encoding_are_refused() {
        byte[] unknown = "<?xml version=\"1.0\" encoding=\"NO-SUCH-CHARSET\"?><Name type=\"TextString\" value=\"a\"/>"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] broken = {'<', 'N', 'a', 'm', 'e', ' ', 't', 'y', 'p', 'e', '=', '"', (byte) 0xC3, '"', '/', '>'};
        assertThatThrownBy(() -> KmipXml.decode(unknown, DecodeLimits.DEFAULT)).isInstanceOf(KmipException.class);
        assertThatThrownBy(() -> KmipXml.decode(broken, DecodeLimits.DEFAULT)).isInstanceOf(KmipException.class);
    }

    @Test
    void oasis_placeholders_are_not_values_the_types_can_hold() {
        assertThat(rejected("<IVCounterNonce type=\"ByteString\" value=\"$IV_COUNTER_NONCE\"/>").reason())
                .isEqualTo(ResultReason.INVALID_FIELD);
        assertThat(KmipXml.decode("<UniqueIdentifier type=\"TextString\" value=\"$UNIQUE_IDENTIFIER_0\"/>"))
                .isEqualTo(new Ttlv.TextString(Tag.UNIQUE_IDENTIFIER, "$UNIQUE_IDENTIFIER_0"));
    }

    @Test
    void text_xml_cannot_carry_is_refused_when_encoding() {
        assertThatThrownBy(() -> KmipXml.encode(new Ttlv.TextString(Tag.NAME_VALUE, "a\u0000b")))
                .isInstanceOf(KmipException.class);
        assertThatThrownBy(() -> KmipXml.encode(new Ttlv.TextString(Tag.NAME_VALUE, "\uD800")))
                .isInstanceOf(KmipException.class);
    }
}
