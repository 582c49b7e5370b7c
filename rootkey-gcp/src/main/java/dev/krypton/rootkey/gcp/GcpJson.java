package dev.krypton.rootkey.gcp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.krypton.rootkey.RootKeyException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Request and response bodies of Cloud KMS encrypt/decrypt, built and read as bytes so plaintext key
 * bytes never become an immutable {@code String}. Encrypt: {@code {"plaintext", "additionalAuthenticatedData"}}
 * -> {@code {"name", "ciphertext"}}; decrypt: {@code {"ciphertext", "additionalAuthenticatedData"}} -> {@code {"plaintext"}}.
 */
final class GcpJson {

    private GcpJson() {
    }

    /** {@code {"<field>": base64(value), "additionalAuthenticatedData": base64(aad)}}; the caller zeroes it. */
    static byte[] body(String field, byte[] value, byte[] aad) {
        byte[] b64 = Base64.getEncoder().encode(value);
        try {
            byte[] head = ("{\"" + field + "\":\"").getBytes(StandardCharsets.US_ASCII);
            byte[] tail = ("\",\"additionalAuthenticatedData\":\"" + Base64.getEncoder().encodeToString(aad) + "\"}")
                    .getBytes(StandardCharsets.US_ASCII);
            return ByteBuffer.allocate(head.length + b64.length + tail.length).put(head).put(b64).put(tail).array();
        } finally {
            Arrays.fill(b64, (byte) 0);
        }
    }

    static String text(byte[] body, String field) {
        try (JsonParser p = seek(body, field)) {
            return p.getText();
        } catch (IOException e) {
            throw missing(field);
        }
    }

    /** The base64 field decoded; the caller owns and zeroes the bytes. */
    static byte[] binary(byte[] body, String field) {
        try (JsonParser p = seek(body, field)) {
            return p.getBinaryValue();
        } catch (IOException e) {
            throw missing(field);
        }
    }

    private static JsonParser seek(byte[] body, String field) throws IOException {
        JsonParser p = GcpKmsClient.JSON.createParser(body);
        if (p.nextToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (p.nextToken() == JsonToken.VALUE_STRING && field.equals(name)) {
                    return p;
                }
                p.skipChildren();
            }
        }
        p.close();
        throw missing(field);
    }

    private static RootKeyException missing(String field) {
        return RootKeyException.unavailable("gcp-kms: success response without " + field);
    }
}
