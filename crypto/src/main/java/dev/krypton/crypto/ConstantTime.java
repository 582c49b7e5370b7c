package dev.krypton.crypto;

/** Comparisons whose running time does not depend on where secret inputs differ. */
public final class ConstantTime {
    private ConstantTime() {
    }

    /**
     * Compares two arrays in time that depends only on their lengths (lengths are not secret).
     *
     * @param a first array
     * @param b second array
     * @return whether both have the same length and contents
     */
    public static boolean equals(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < a.length; i++) {
            diff |= a[i] ^ b[i];
        }
        return diff == 0;
    }
}
