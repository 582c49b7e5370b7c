package dev.krypton.engine;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The stored form of a wrapped L2: the engine's revision of the L2 material ahead of the root-key
 * provider's opaque blob, so the revision (part of every L3 AAD) survives restarts.
 * <pre>
 * "KL2" | 0x01 | revision (8 bytes, big-endian) | provider blob (rest)
 * </pre>
 */
record L2Envelope(long revision, byte[] providerBlob) {

    private static final byte[] MAGIC = {'K', 'L', '2', 1};

    byte[] encode() {
        return ByteBuffer.allocate(MAGIC.length + 8 + providerBlob.length).put(MAGIC).putLong(revision)
                .put(providerBlob).array();
    }

    static L2Envelope decode(byte[] stored) {
        if (stored.length <= MAGIC.length + 8 || !Arrays.equals(stored, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new EngineException(ErrorCode.CRYPTO, "stored L2 blob has an unknown format");
        }
        ByteBuffer b = ByteBuffer.wrap(stored, MAGIC.length, stored.length - MAGIC.length);
        long revision = b.getLong();
        byte[] blob = new byte[b.remaining()];
        b.get(blob);
        return new L2Envelope(revision, blob);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof L2Envelope e && revision == e.revision && Arrays.equals(providerBlob, e.providerBlob);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(revision) * 31 + Arrays.hashCode(providerBlob);
    }

    @Override
    public String toString() {
        return "L2Envelope[revision=" + revision + ", providerBlob=" + Bytes.describe(providerBlob) + "]";
    }
}
