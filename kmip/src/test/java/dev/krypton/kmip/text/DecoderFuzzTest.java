package dev.krypton.kmip.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.krypton.kmip.DecodeLimits;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.TtlvDecoder;
import dev.krypton.kmip.TtlvEncoder;

/**
 * Coverage-guided fuzzing (Jazzer) of the three decoders: whatever the bytes, a decoder returns
 * an item or throws {@link KmipException}; any other exception or error is a finding. An input
 * that decodes must also survive re-encoding in all three encodings.
 *
 * <p>In a normal build ({@code verify}) each method replays its seed corpus, OASIS messages in
 * {@code src/test/resources/dev/krypton/kmip/text/DecoderFuzzTestInputs/<method>/} (written by
 * {@link FuzzSeeds}), plus any finding Jazzer saved there. To fuzz, one method per run:
 * <pre>
 * JAZZER_FUZZ=1 ./mvnw -B -pl kmip test -Dtest='DecoderFuzzTest#xml_decoder_only_throws_kmip_exceptions' \
 *     -Djazzer.max_duration=10m
 * </pre>
 * (likewise {@code ttlv_...} and {@code json_...}). Jazzer keeps its growing corpus in
 * {@code kmip/.cifuzz-corpus/}.
 */
class DecoderFuzzTest {
    private static final DecodeLimits LIMITS = new DecodeLimits(64 * 1024, 16, 4096);

    @FuzzTest(maxDuration = "${jazzer.max_duration:5m}")
    void ttlv_decoder_only_throws_kmip_exceptions(byte[] input) {
        Ttlv item;
        try {
            item = TtlvDecoder.decode(input, 0, input.length, LIMITS);
        } catch (KmipException expected) {
            return;
        }
        survivesEveryEncoding(item);
    }

    @FuzzTest(maxDuration = "${jazzer.max_duration:5m}")
    void xml_decoder_only_throws_kmip_exceptions(byte[] input) {
        Ttlv item;
        try {
            item = KmipXml.decode(input, LIMITS);
        } catch (KmipException expected) {
            return;
        }
        survivesEveryEncoding(item);
    }

    @FuzzTest(maxDuration = "${jazzer.max_duration:5m}")
    void json_decoder_only_throws_kmip_exceptions(byte[] input) {
        Ttlv item;
        try {
            item = KmipJson.decode(input, LIMITS);
        } catch (KmipException expected) {
            return;
        }
        survivesEveryEncoding(item);
    }

    /**
     * Re-encodes a decoded item in every encoding. XML 1.0 cannot carry control characters other
     * than tab, CR and LF, which TTLV and JSON text may hold; such an item must be refused by the
     * XML encoder with a KmipException instead.
     */
    private static void survivesEveryEncoding(Ttlv item) {
        byte[] ttlv = TtlvEncoder.encode(item);
        assertThat(TtlvDecoder.decode(ttlv, 0, ttlv.length, DecodeLimits.DEFAULT)).isEqualTo(item);
        assertThat(KmipJson.decode(KmipJson.encode(item))).isEqualTo(item);
        if (xmlCanCarry(item)) {
            assertThat(KmipXml.decode(KmipXml.encode(item))).isEqualTo(item);
        } else {
            assertThatThrownBy(() -> KmipXml.encode(item)).isInstanceOf(KmipException.class);
        }
    }

    private static boolean xmlCanCarry(Ttlv item) {
        return switch (item) {
            case Ttlv.Structure s -> s.items().stream().allMatch(DecoderFuzzTest::xmlCanCarry);
            case Ttlv.TextString t -> t.value().chars().allMatch(c -> c >= 0x20 || c == '\t' || c == '\n' || c == '\r');
            case Ttlv.IntegerItem i -> true;
            case Ttlv.LongInteger l -> true;
            case Ttlv.BigIntegerItem b -> true;
            case Ttlv.Enumeration e -> true;
            case Ttlv.BooleanItem b -> true;
            case Ttlv.ByteString b -> true;
            case Ttlv.DateTime d -> true;
            case Ttlv.Interval i -> true;
            case Ttlv.DateTimeExtended d -> true;
        };
    }
}
