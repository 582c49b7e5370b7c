package dev.krypton.rootkey.kmip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.kmip.message.Bytes;
import dev.krypton.rootkey.RootKeyException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The AES-GCM ciphertext field layout: round trip and refusal of every malformed shape. */
class GcmCiphertextTest {

    private static final GcmCiphertext SAMPLE = new GcmCiphertext(Bytes.of(new byte[12]), Bytes.of(filled(16, 7)),
            Bytes.of(filled(32, 9)));

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    @Test
    void encodesAndDecodes() {
        byte[] field = SAMPLE.encode();
        assertThat(field).hasSize(1 + 12 + 16 + 32);
        assertThat(field[0]).isEqualTo((byte) 12);
        assertThat(GcmCiphertext.decode(field)).isEqualTo(SAMPLE);
        assertThat(SAMPLE.toString()).doesNotContain("7, 7").contains("16 bytes");
    }

    @Test
    void malformedFieldsAreDenied() {
        byte[] field = SAMPLE.encode();
        for (byte[] bad : new byte[][] {new byte[0], Arrays.copyOf(field, 1 + 12 + 16), withFirst(field, 11), withFirst(field, 17),
                withFirst(field, 255)}) {
            assertThatThrownBy(() -> GcmCiphertext.decode(bad)).isInstanceOfSatisfying(RootKeyException.class,
                    e -> assertThat(e.isDenied()).isTrue());
        }
    }

    @Test
    void wrongTagLengthIsDenied() {
        assertThatThrownBy(() -> new GcmCiphertext(Bytes.of(new byte[12]), Bytes.of(new byte[12]), Bytes.of(new byte[32])))
                .isInstanceOfSatisfying(RootKeyException.class, e -> assertThat(e.isDenied()).isTrue());
    }

    private static byte[] withFirst(byte[] field, int first) {
        byte[] copy = field.clone();
        copy[0] = (byte) first;
        return copy;
    }
}
