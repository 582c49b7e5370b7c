package dev.krypton.engine;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link AttributeCodec#decode(byte[])} memoized by content, for the hot path (Decrypt and Encrypt
 * with a tenant key read the same record again and again, for its dates and mode and for the key;
 * JSON and date parsing cost more than the cipher). One memo per engine, shared by the tenant
 * objects and the locator. The exact bytes map to the immutable result, so a changed record (any byte) decodes
 * afresh: the answer is always what decoding would give. At most {@link #LIMIT} entries; it starts
 * over when full. Attributes are never key material.
 */
final class AttributeMemo {

    static final int LIMIT = 4096;

    private final ConcurrentHashMap<Content, AttributeCodec.Stored> known = new ConcurrentHashMap<>();

    /** Serialised attributes compared by content; the array is a private copy, never modified. */
    private record Content(byte[] bytes, int hash) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Content c && c.hash == hash && Arrays.equals(c.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public String toString() {
            return "Content[" + bytes.length + " bytes]";
        }
    }

    AttributeCodec.Stored decode(byte[] bytes) {
        int hash = Arrays.hashCode(bytes);
        AttributeCodec.Stored hit = known.get(new Content(bytes, hash));
        if (hit != null) {
            return hit;
        }
        AttributeCodec.Stored decoded = AttributeCodec.decode(bytes);
        if (known.size() >= LIMIT) {
            known.clear();
        }
        known.put(new Content(bytes.clone(), hash), decoded);
        return decoded;
    }

    int size() {
        return known.size();
    }
}
