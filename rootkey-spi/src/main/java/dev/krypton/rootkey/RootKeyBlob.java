package dev.krypton.rootkey;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A wrapped L2 as stored: the provider's ciphertext plus what made it, so an old blob can be
 * unwrapped with the right key version and mechanism and re-wrapped (the way OpenBao seal wrappers
 * record key id and mechanism).
 *
 * <pre>
 * encoded = "KRK1"                          4 bytes magic and format version
 *           provider   u16 length, UTF-8
 *           keyId      u16 length, UTF-8
 *           keyVersion u16 length, UTF-8   (empty when the provider has no versions)
 *           mechanism  u16 length, UTF-8   (e.g. "AES-256-GCM", "AES-KWP", "transit", "SYMMETRIC_DEFAULT")
 *           ciphertext u32 length, bytes   (provider-specific, opaque)
 * </pre>
 * Strings are at most {@value #MAX_TEXT} bytes, the ciphertext at most {@value #MAX_CIPHERTEXT}
 * bytes; anything else decodes to one DENIED error. The ciphertext is not secret, but the record
 * still compares it by content and prints only its length.
 */
public record RootKeyBlob(String provider, String keyId, String keyVersion, String mechanism, byte[] ciphertext) {

    public static final int MAX_TEXT = 2048;
    public static final int MAX_CIPHERTEXT = 65536;
    private static final byte[] MAGIC = {'K', 'R', 'K', '1'};

    public RootKeyBlob {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(keyVersion, "keyVersion");
        Objects.requireNonNull(mechanism, "mechanism");
        ciphertext = ciphertext.clone();
        if (ciphertext.length == 0 || ciphertext.length > MAX_CIPHERTEXT) {
            throw RootKeyException.denied("root-key blob ciphertext length out of range");
        }
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    /** The stored form described in the class comment. */
    public byte[] encode() {
        byte[][] texts = {utf8(provider), utf8(keyId), utf8(keyVersion), utf8(mechanism)};
        int size = MAGIC.length + 4 + ciphertext.length;
        for (byte[] t : texts) {
            if (t.length > MAX_TEXT) {
                throw RootKeyException.denied("root-key blob field longer than " + MAX_TEXT + " bytes");
            }
            size += 2 + t.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).put(MAGIC);
        for (byte[] t : texts) {
            out.putShort((short) t.length).put(t);
        }
        return out.putInt(ciphertext.length).put(ciphertext).array();
    }

    /** Parses the stored form; any malformed input is one DENIED error and nothing else. */
    public static RootKeyBlob decode(byte[] encoded) {
        try {
            ByteBuffer in = ByteBuffer.wrap(encoded);
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw malformed("unknown format");
            }
            String provider = text(in);
            String keyId = text(in);
            String keyVersion = text(in);
            String mechanism = text(in);
            int length = in.getInt();
            if (length <= 0 || length > MAX_CIPHERTEXT || length != in.remaining()) {
                throw malformed("ciphertext length does not match");
            }
            byte[] ciphertext = new byte[length];
            in.get(ciphertext);
            return new RootKeyBlob(provider, keyId, keyVersion, mechanism, ciphertext);
        } catch (BufferUnderflowException e) {
            throw malformed("truncated");
        }
    }

    private static String text(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        if (length > MAX_TEXT || length > in.remaining()) {
            throw malformed("field length out of range");
        }
        ByteBuffer slice = in.slice(in.position(), length);
        in.position(in.position() + length);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(slice).toString();
        } catch (CharacterCodingException e) {
            throw malformed("field is not UTF-8");
        }
    }

    private static RootKeyException malformed(String why) {
        return RootKeyException.denied("malformed root-key blob: " + why);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RootKeyBlob b && provider.equals(b.provider) && keyId.equals(b.keyId)
                && keyVersion.equals(b.keyVersion) && mechanism.equals(b.mechanism)
                && Arrays.equals(ciphertext, b.ciphertext);
    }

    @Override
    public int hashCode() {
        return Objects.hash(provider, keyId, keyVersion, mechanism, Arrays.hashCode(ciphertext));
    }

    @Override
    public String toString() {
        return "RootKeyBlob[provider=" + provider + ", keyId=" + keyId + ", keyVersion=" + keyVersion
                + ", mechanism=" + mechanism + ", ciphertext=" + ciphertext.length + " bytes]";
    }
}
