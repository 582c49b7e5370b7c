package dev.krypton.crypto;

/**
 * The AES-256 encryption key schedule (FIPS 197 section 5.2, 15 round keys, 240 bytes), computed
 * here independently of both engines so the dump test can search for it.
 */
final class Aes256Schedule {
    private static final int[] SBOX = new int[256];

    static {
        int p = 1;
        int q = 1;
        do {
            p = p ^ ((p << 1) & 0xff) ^ (((p & 0x80) != 0) ? 0x1b : 0);
            q ^= q << 1;
            q ^= q << 2;
            q ^= q << 4;
            q &= 0xff;
            if ((q & 0x80) != 0) {
                q ^= 0x09;
            }
            int x = q ^ rotl(q, 1) ^ rotl(q, 2) ^ rotl(q, 3) ^ rotl(q, 4);
            SBOX[p] = (x ^ 0x63) & 0xff;
        } while (p != 1);
        SBOX[0] = 0x63;
    }

    private Aes256Schedule() {
    }

    /** @return the 240-byte expanded key, round keys in FIPS 197 byte order */
    static byte[] expand(byte[] key) {
        byte[] w = new byte[240];
        System.arraycopy(key, 0, w, 0, 32);
        int rcon = 1;
        for (int i = 8; i < 60; i++) {
            byte[] t = {w[4 * i - 4], w[4 * i - 3], w[4 * i - 2], w[4 * i - 1]};
            if (i % 8 == 0) {
                byte first = t[0];
                t[0] = (byte) (SBOX[t[1] & 0xff] ^ rcon);
                t[1] = (byte) SBOX[t[2] & 0xff];
                t[2] = (byte) SBOX[t[3] & 0xff];
                t[3] = (byte) SBOX[first & 0xff];
                rcon = (rcon << 1) ^ (((rcon & 0x80) != 0) ? 0x11b : 0);
            } else if (i % 8 == 4) {
                for (int j = 0; j < 4; j++) {
                    t[j] = (byte) SBOX[t[j] & 0xff];
                }
            }
            for (int j = 0; j < 4; j++) {
                w[4 * i + j] = (byte) (w[4 * (i - 8) + j] ^ t[j]);
            }
        }
        return w;
    }

    /** @return the same bytes with every 32-bit word reversed (an int[] schedule on little-endian) */
    static byte[] wordSwapped(byte[] schedule) {
        byte[] out = new byte[schedule.length];
        for (int i = 0; i < schedule.length; i += 4) {
            for (int j = 0; j < 4; j++) {
                out[i + j] = schedule[i + 3 - j];
            }
        }
        return out;
    }

    private static int rotl(int x, int shift) {
        return ((x << shift) | (x >>> (8 - shift))) & 0xff;
    }
}
