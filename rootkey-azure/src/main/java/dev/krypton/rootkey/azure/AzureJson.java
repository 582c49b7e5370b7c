package dev.krypton.rootkey.azure;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.krypton.rootkey.RootKeyException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Key operation bodies ({@code {"alg": ..., "value": base64url}} both ways), built and read as bytes
 * so key bytes never become an immutable {@code String}.
 */
final class AzureJson {

    private AzureJson() {
    }

    /** The request body; the caller zeroes it after sending. */
    static byte[] keyOperation(String algorithm, byte[] value) {
        byte[] b64 = Base64.getUrlEncoder().withoutPadding().encode(value);
        try {
            byte[] head = ("{\"alg\":\"" + algorithm + "\",\"value\":\"").getBytes(StandardCharsets.US_ASCII);
            byte[] tail = "\"}".getBytes(StandardCharsets.US_ASCII);
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

    /** The base64url field decoded; the caller owns and zeroes the bytes. */
    static byte[] binary(byte[] body, String field) {
        try (JsonParser p = seek(body, field)) {
            return p.getBinaryValue(Base64Variants.MODIFIED_FOR_URL);
        } catch (IOException e) {
            throw missing(field);
        }
    }

    private static JsonParser seek(byte[] body, String field) throws IOException {
        JsonParser p = AzureClient.JSON.createParser(body);
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
        return RootKeyException.unavailable("azure-keyvault: success response without " + field);
    }
}
