package dev.krypton.rootkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RootKeyBlobTest {

    private final RootKeyBlob blob = new RootKeyBlob("aws-kms", "arn:aws:kms:eu-central-1:1:key/k", "3", "SYMMETRIC_DEFAULT",
            new byte[] {1, 2, 3, 4, 5});

    @Test
    void encodeDecodeKeepsEveryField() {
        assertThat(RootKeyBlob.decode(blob.encode())).isEqualTo(blob);
    }

    @Test
    void everyTruncationIsOneDeniedError() {
        byte[] encoded = blob.encode();
        for (int length = 0; length < encoded.length; length++) {
            byte[] cut = Arrays.copyOf(encoded, length);
            assertThatThrownBy(() -> RootKeyBlob.decode(cut))
                    .isInstanceOfSatisfying(RootKeyException.class, e -> assertThat(e.isDenied()).isTrue());
        }
    }

    @Test
    void trailingBytesAndWrongMagicAreDenied() {
        byte[] encoded = blob.encode();
        byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);
        assertThatThrownBy(() -> RootKeyBlob.decode(longer)).isInstanceOf(RootKeyException.class);
        byte[] magic = encoded.clone();
        magic[3] = '2';
        assertThatThrownBy(() -> RootKeyBlob.decode(magic)).hasMessageContaining("unknown format");
    }

    @Test
    void hugeLengthFieldIsRejectedBeforeAllocating() {
        byte[] encoded = blob.encode();
        int lengthAt = encoded.length - blob.ciphertext().length - 4;
        encoded[lengthAt] = 0x7f;
        assertThatThrownBy(() -> RootKeyBlob.decode(encoded)).hasMessageContaining("length");
    }

    @Test
    void ciphertextIsCopiedAndNotPrinted() {
        byte[] c = {9, 9, 9};
        RootKeyBlob b = new RootKeyBlob("p", "k", "", "m", c);
        c[0] = 0;
        assertThat(b.ciphertext()[0]).isEqualTo((byte) 9);
        assertThat(b.toString()).contains("3 bytes").doesNotContain("9, 9");
    }

    @Test
    void refToStringHidesAccessValues() {
        RootKeyRef ref = RootKeyRef.of("vault-transit", "tenant-key", Map.of("token", "s.secret-token"));
        assertThat(ref.toString()).contains("token").doesNotContain("s.secret-token");
    }

    @Test
    void wrapContextAadSeparatesTenantAndRegion() {
        assertThat(new WrapContext("ab", "c").aad()).isNotEqualTo(new WrapContext("a", "bc").aad());
        assertThatThrownBy(() -> new WrapContext("a\0b", "")).isInstanceOf(RootKeyException.class);
    }
}
