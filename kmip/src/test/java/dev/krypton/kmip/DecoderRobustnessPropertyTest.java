package dev.krypton.kmip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Random and mutated inputs either decode or fail with KmipException; nothing else escapes. */
class DecoderRobustnessPropertyTest {

    @Provide
    Arbitrary<Ttlv> trees() {
        return TtlvArbitraries.trees();
    }

    private static void decodesOrFailsCleanly(byte[] bytes) {
        Throwable thrown = catchThrowable(() -> {
            Ttlv item = TtlvDecoder.decode(bytes);
            assertThat(TtlvEncoder.encodedLength(item)).isLessThanOrEqualTo(bytes.length);
        });
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(KmipException.class);
            assertThat(((KmipException) thrown).reason()).isEqualTo(ResultReason.INVALID_MESSAGE);
        }
        Throwable streamed = catchThrowable(() ->
                TtlvFrames.readMessage(new ByteArrayInputStream(bytes), DecodeLimits.DEFAULT));
        if (streamed != null) {
            assertThat(streamed).isInstanceOf(KmipException.class);
        }
    }

    @Property(tries = 3000)
    void random_bytes(@ForAll @Size(max = 200) byte[] bytes) {
        decodesOrFailsCleanly(bytes);
    }

    @Property(tries = 3000)
    void valid_encodings_with_bytes_changed(@ForAll("trees") Ttlv tree, @ForAll int position, @ForAll byte value,
                                            @ForAll int second, @ForAll byte value2) {
        byte[] bytes = TtlvEncoder.encode(tree);
        bytes[Math.floorMod(position, bytes.length)] = value;
        bytes[Math.floorMod(second, bytes.length)] ^= value2;
        decodesOrFailsCleanly(bytes);
    }

    @Property(tries = 1000)
    void valid_encodings_cut_short(@ForAll("trees") Ttlv tree, @ForAll int cut) {
        byte[] bytes = TtlvEncoder.encode(tree);
        byte[] shorter = java.util.Arrays.copyOf(bytes, Math.floorMod(cut, bytes.length));
        Throwable thrown = catchThrowable(() -> TtlvDecoder.decode(shorter));
        assertThat(thrown).isInstanceOf(KmipException.class);
    }
}
