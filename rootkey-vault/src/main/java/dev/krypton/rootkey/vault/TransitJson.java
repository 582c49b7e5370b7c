package dev.krypton.rootkey.vault;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.krypton.rootkey.RootKeyException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The transit request and response bodies used here, built and read as bytes so plaintext key
 * bytes never become an immutable {@code String}.
 * Encrypt: {@code {"plaintext": b64, "context": b64[, "key_version": n]}} -> {@code {"data": {"ciphertext": "vault:vN:..."}}}.
 * Decrypt: {@code {"ciphertext": "vault:vN:...", "context": b64}} -> {@code {"data": {"plaintext": b64}}}.
 */
final class TransitJson {

    private TransitJson() {
    }

    /** The encrypt body; the caller zeroes it after sending. */
    static byte[] encryptBody(byte[] plaintext, byte[] context, String keyVersion) {
        byte[] b64 = Base64.getEncoder().encode(plaintext);
        try {
            byte[] head = "{\"plaintext\":\"".getBytes(StandardCharsets.US_ASCII);
            byte[] tail = ("\",\"context\":\"" + Base64.getEncoder().encodeToString(context) + "\""
                    + (keyVersion.isEmpty() ? "" : ",\"key_version\":" + keyVersion) + "}").getBytes(StandardCharsets.US_ASCII);
            return ByteBuffer.allocate(head.length + b64.length + tail.length).put(head).put(b64).put(tail).array();
        } finally {
            Arrays.fill(b64, (byte) 0);
        }
    }

    static byte[] decryptBody(String ciphertext, byte[] context) {
        return ("{\"ciphertext\":\"" + ciphertext + "\",\"context\":\"" + Base64.getEncoder().encodeToString(context) + "\"}")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The string {@code data.<field>} of a success body. */
    static String dataText(byte[] body, String field) {
        try (JsonParser p = seek(body, field)) {
            return p.getText();
        } catch (IOException e) {
            throw unreadable(field);
        }
    }

    /** The base64 string {@code data.<field>} decoded to bytes; the caller owns (and zeroes) them. */
    static byte[] dataBinary(byte[] body, String field) {
        try (JsonParser p = seek(body, field)) {
            return p.getBinaryValue();
        } catch (IOException e) {
            throw unreadable(field);
        }
    }

    private static JsonParser seek(byte[] body, String field) throws IOException {
        JsonParser p = TransitClient.JSON.createParser(body);
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw unreadable(field);
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if ("data".equals(name) && value == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String inner = p.currentName();
                    if (p.nextToken() == JsonToken.VALUE_STRING && field.equals(inner)) {
                        return p;
                    }
                    p.skipChildren();
                }
            } else {
                p.skipChildren();
            }
        }
        p.close();
        throw unreadable(field);
    }

    private static RootKeyException unreadable(String field) {
        return RootKeyException.unavailable("vault-transit: success response without data." + field);
    }
}
