package dev.krypton.rootkey.kmip;

import dev.krypton.kmip.message.Bytes;
import dev.krypton.rootkey.RootKeyException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The ciphertext field of an {@code AES-GCM} blob: what the server's Encrypt returned plus the IV
 * it was made with, so Decrypt can be asked with the same AEAD fields.
 *
 * <pre>
 * ciphertext = ivLength u8 (12..16) || iv || tag (16 bytes) || data (at least 1 byte)
 * </pre>
 * {@link Bytes} compares in constant time and prints only lengths, so this record is safe to log.
 */
record GcmCiphertext(Bytes iv, Bytes tag, Bytes data) {

    static final int MIN_IV = 12;
    static final int MAX_IV = 16;

    GcmCiphertext {
        if (iv.length() < MIN_IV || iv.length() > MAX_IV || tag.length() != WrapMode.TAG_LENGTH || data.length() == 0) {
            throw RootKeyException.denied("kmip: AES-GCM blob has a bad IV, tag or data length");
        }
    }

    byte[] encode() {
        return ByteBuffer.allocate(1 + iv.length() + tag.length() + data.length()).put((byte) iv.length())
                .put(iv.unsafeArray()).put(tag.unsafeArray()).put(data.unsafeArray()).array();
    }

    /** Parses a blob's ciphertext field; anything malformed is DENIED before the server is asked. */
    static GcmCiphertext decode(byte[] field) {
        if (field.length < 1) {
            throw RootKeyException.denied("kmip: AES-GCM blob is empty");
        }
        int ivLength = Byte.toUnsignedInt(field[0]);
        int dataStart = 1 + ivLength + WrapMode.TAG_LENGTH;
        if (ivLength < MIN_IV || ivLength > MAX_IV || field.length <= dataStart) {
            throw RootKeyException.denied("kmip: AES-GCM blob is malformed");
        }
        return new GcmCiphertext(Bytes.wrap(Arrays.copyOfRange(field, 1, 1 + ivLength)),
                Bytes.wrap(Arrays.copyOfRange(field, 1 + ivLength, dataStart)),
                Bytes.wrap(Arrays.copyOfRange(field, dataStart, field.length)));
    }
}
