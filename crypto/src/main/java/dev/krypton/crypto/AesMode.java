package dev.krypton.crypto;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The unauthenticated AES modes, for KMIP clients and profile tests that need them (the KMIP layer
 * decides by policy when they may be used). NIST SP 800-38A. ECB and CBC also serve Triple DES
 * ({@link CryptoEngine#tdesEncrypt}), with 8-byte blocks and an 8-byte CBC IV.
 */
public sealed interface AesMode {

    /** Whether ECB and CBC pad with PKCS#5/#7 (RFC 5652 section 6.3) or need whole blocks. */
    enum Padding { NONE, PKCS5 }

    /**
     * Electronic codebook: each block alone (SP 800-38A section 6.1).
     *
     * @param padding padding rule
     */
    record Ecb(Padding padding) implements AesMode {
    }

    /**
     * Cipher block chaining (SP 800-38A section 6.2).
     *
     * @param iv 16-byte initialisation vector (copied)
     * @param padding padding rule
     */
    record Cbc(byte[] iv, Padding padding) implements AesMode {
        /** Copies the IV. */
        public Cbc {
            iv = iv.clone();
        }

        @Override
        public byte[] iv() {
            return iv.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Cbc(byte[] otherIv, Padding otherPadding)
                    && Arrays.equals(iv, otherIv) && padding == otherPadding;
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(iv) + padding.hashCode();
        }

        @Override
        public String toString() {
            return "Cbc[iv=" + HexFormat.of().formatHex(iv) + ", padding=" + padding + "]";
        }
    }

    /**
     * Counter mode with a 128-bit big-endian counter block (SP 800-38A section 6.5).
     *
     * @param counter the 16-byte initial counter block (copied)
     */
    record Ctr(byte[] counter) implements AesMode {
        /** Copies the counter block. */
        public Ctr {
            counter = counter.clone();
        }

        @Override
        public byte[] counter() {
            return counter.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Ctr(byte[] other) && Arrays.equals(counter, other);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(counter);
        }

        @Override
        public String toString() {
            return "Ctr[counter=" + HexFormat.of().formatHex(counter) + "]";
        }
    }
}
