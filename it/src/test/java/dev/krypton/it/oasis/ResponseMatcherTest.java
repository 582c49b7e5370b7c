package dev.krypton.it.oasis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.kmip.DecodeLimits;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.text.KmipXml;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The comparisons that decide pass or fail must fail where a server differs from the case. */
class ResponseMatcherTest {
    private final Placeholders placeholders = new Placeholders();
    private final ResponseMatcher matcher = new ResponseMatcher(placeholders, Set.of("00112233"));

    @Test
    void aWrongValueAMissingFieldAndAWrongCountAreReported() {
        String expected = payload("<UniqueIdentifier type=\"TextString\" value=\"a\"/><ObjectType type=\"Enumeration\" value=\"SymmetricKey\"/>");
        assertThat(compare(expected, expected)).isEmpty();
        assertThat(compare(expected, payload("<UniqueIdentifier type=\"TextString\" value=\"b\"/><ObjectType type=\"Enumeration\" value=\"SymmetricKey\"/>")).orElse(""))
                .contains("ResponsePayload/UniqueIdentifier: expected <UniqueIdentifier type=\"TextString\" value=\"a\"/>, got <UniqueIdentifier type=\"TextString\" value=\"b\"/>");
        assertThat(compare(expected, payload("<UniqueIdentifier type=\"TextString\" value=\"a\"/>")).orElse("")).contains("ObjectType: missing");
        assertThat(compare(expected, payload("<UniqueIdentifier type=\"TextString\" value=\"a\"/><UniqueIdentifier type=\"TextString\" value=\"c\"/>"
                + "<ObjectType type=\"Enumeration\" value=\"SymmetricKey\"/>")).orElse("")).contains("expected 1 UniqueIdentifier, got 2");
    }

    @Test
    void anExpectedEmptyLocateDoesNotMatchAnAnswerThatFoundSomething() {
        String empty = payload("");
        assertThat(compare(empty, empty)).isEmpty();
        assertThat(compare(empty, payload("<LocatedItems type=\"Integer\" value=\"0\"/>"))).isEmpty();
        assertThat(compare(empty, payload("<LocatedItems type=\"Integer\" value=\"1\"/><UniqueIdentifier type=\"TextString\" value=\"k-1\"/>"))
                .orElse("")).contains("expected 0 UniqueIdentifier, got 1");
    }

    @Test
    void aPlaceholderBindsOnceAndMustKeepItsValue() {
        String expected = payload("<UniqueIdentifier type=\"TextString\" value=\"$UNIQUE_IDENTIFIER_0\"/>");
        assertThat(compare(expected, payload("<UniqueIdentifier type=\"TextString\" value=\"k-1\"/>"))).isEmpty();
        assertThat(compare(expected, payload("<UniqueIdentifier type=\"TextString\" value=\"k-1\"/>"))).isEmpty();
        assertThat(compare(expected, payload("<UniqueIdentifier type=\"TextString\" value=\"k-2\"/>"))).hasValueSatisfying(
                m -> assertThat(m).contains("$UNIQUE_IDENTIFIER_0 was").contains("k-2"));
        Ttlv request = KmipXml.decode("<UniqueIdentifier type=\"TextString\" value=\"$UNIQUE_IDENTIFIER_0\"/>", DecodeLimits.DEFAULT);
        assertThat(placeholders.substitute(request)).isEqualTo(new Ttlv.TextString(request.tag(), "k-1"));
    }

    @Test
    void timesMatchWithinTheToleranceOnly() {
        String expected = payload("<ActivationDate type=\"DateTime\" value=\"2026-01-01T00:00:00+00:00\"/>");
        assertThat(compare(expected, payload("<ActivationDate type=\"DateTime\" value=\"2026-01-01T00:01:00+00:00\"/>"))).isEmpty();
        assertThat(compare(expected, payload("<ActivationDate type=\"DateTime\" value=\"2026-01-01T01:00:00+00:00\"/>"))).isPresent();
    }

    @Test
    void theRandomNumberGeneratorIsTheServersOwnButMustNameItsAlgorithm() {
        String expected = payload("<RandomNumberGenerator><RNGAlgorithm type=\"Enumeration\" value=\"ANSIX9_31\"/>"
                + "<CryptographicAlgorithm type=\"Enumeration\" value=\"AES\"/><CryptographicLength type=\"Integer\" value=\"256\"/></RandomNumberGenerator>");
        assertThat(compare(expected, payload("<RandomNumberGenerator><RNGAlgorithm type=\"Enumeration\" value=\"Unspecified\"/></RandomNumberGenerator>")))
                .isEmpty();
        assertThat(compare(expected, payload("<RandomNumberGenerator><CryptographicLength type=\"Integer\" value=\"256\"/></RandomNumberGenerator>")))
                .hasValueSatisfying(m -> assertThat(m).contains("RNG Algorithm"));
        assertThat(compare(expected, payload("<State type=\"Enumeration\" value=\"PreActive\"/>"))).isPresent();
    }

    @Test
    void serverGeneratedKeyMaterialNeedsOnlyItsLengthButSuppliedMaterialMustMatch() {
        String generated = payload("<KeyMaterial type=\"ByteString\" value=\"aaaaaaaa\"/>");
        assertThat(compare(generated, payload("<KeyMaterial type=\"ByteString\" value=\"bbbbbbbb\"/>"))).isEmpty();
        assertThat(compare(generated, payload("<KeyMaterial type=\"ByteString\" value=\"bbbb\"/>"))).isPresent();
        String supplied = payload("<KeyMaterial type=\"ByteString\" value=\"00112233\"/>");
        assertThat(compare(supplied, payload("<KeyMaterial type=\"ByteString\" value=\"00112234\"/>"))).isPresent();
    }

    @Test
    void aRandomLiteralTheServerChoseIsFedBackWhereTheCaseRepeatsItAndBindsAnUnboundPlaceholder() {
        String expected = payload("<Data type=\"ByteString\" value=\"e768\"/><IVCounterNonce type=\"ByteString\" value=\"ff02\"/>");
        String actual = payload("<Data type=\"ByteString\" value=\"1a2b\"/><IVCounterNonce type=\"ByteString\" value=\"3c4d\"/>");
        var random = Set.of(dev.krypton.kmip.Tag.DATA, dev.krypton.kmip.Tag.IV_COUNTER_NONCE);
        assertThat(matcher.compare(KmipXml.decode(expected, DecodeLimits.DEFAULT), KmipXml.decode(actual, DecodeLimits.DEFAULT), random))
                .isEmpty();
        assertThat(matcher.compare(KmipXml.decode(expected, DecodeLimits.DEFAULT),
                KmipXml.decode(actual.replace("1a2b", "1a2b3c"), DecodeLimits.DEFAULT), random)).isPresent();
        assertThat(compare(payload("<Data type=\"ByteString\" value=\"e768\"/>"), actual))
                .as("outside the random fields the literal is compared").isPresent();
        Ttlv repeated = KmipXml.decode("<Data type=\"ByteString\" value=\"e768\"/>", DecodeLimits.DEFAULT);
        assertThat(placeholders.substitute(repeated)).isEqualTo(new Ttlv.ByteString(repeated.tag(), new byte[] {0x1a, 0x2b}));
        Ttlv unbound = KmipXml.decode("<IVCounterNonce type=\"ByteString\" value=\"" + Placeholders.sentinelHex("IV_COUNTER_NONCE")
                + "\"/>", DecodeLimits.DEFAULT);
        assertThat(placeholders.substitute(unbound)).isEqualTo(new Ttlv.ByteString(unbound.tag(), new byte[] {0x3c, 0x4d}));
        Ttlv other = KmipXml.decode("<Data type=\"ByteString\" value=\"e769\"/>", DecodeLimits.DEFAULT);
        assertThat(placeholders.substitute(other)).isEqualTo(other);
    }

    @Test
    void resultMessageTextIsInformativeButResultReasonIsCompared() {
        String expected = "<BatchItem><ResultStatus type=\"Enumeration\" value=\"OperationFailed\"/>"
                + "<ResultReason type=\"Enumeration\" value=\"PermissionDenied\"/><ResultMessage type=\"TextString\" value=\"DENIED\"/></BatchItem>";
        assertThat(compare(expected, expected.replace("DENIED\"/></", "no\"/></"))).isEmpty();
        assertThat(compare(expected, expected.replace("PermissionDenied", "ItemNotFound"))).isPresent();
    }

    private java.util.Optional<String> compare(String expected, String actual) {
        return matcher.compare(KmipXml.decode(expected, DecodeLimits.DEFAULT), KmipXml.decode(actual, DecodeLimits.DEFAULT), Set.of());
    }

    private static String payload(String inner) {
        return "<ResponsePayload>" + inner + "</ResponsePayload>";
    }
}
