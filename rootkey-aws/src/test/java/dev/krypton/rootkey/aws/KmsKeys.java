package dev.krypton.rootkey.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys of {@link FakeKmsServer} with KMS's states and error types. Ciphertext blob (fake format):
 * {@code u16 arnLength || arn || nonce(12) || AES-GCM(ciphertext || tag)}, AAD = the sorted
 * encryption context, so a wrong context fails like KMS: InvalidCiphertextException.
 */
final class KmsKeys {

    enum State { ENABLED, DISABLED, PENDING_DELETION, DENIED_TO_CALLER }

    record Answer(int status, ObjectNode body) { }

    private record Key(byte[] material, State state) { }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Key> keys = new ConcurrentHashMap<>();

    void create(String arn) {
        byte[] material = new byte[32];
        random.nextBytes(material);
        keys.put(arn, new Key(material, State.ENABLED));
    }

    void setState(String arn, State state) {
        keys.computeIfPresent(arn, (a, k) -> new Key(k.material(), state));
    }

    static ObjectNode error(String type, String message) {
        return FakeKmsServer.JSON.createObjectNode().put("__type", type).put("message", message);
    }

    Answer encrypt(JsonNode in) {
        String arn = in.path("KeyId").asText();
        Answer refused = check(arn, "Encrypt");
        if (refused != null) {
            return refused;
        }
        byte[] plaintext = Base64.getDecoder().decode(in.path("Plaintext").asText());
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        byte[] sealed = gcm(Cipher.ENCRYPT_MODE, keys.get(arn).material(), nonce, in, plaintext, 0);
        byte[] name = arn.getBytes(StandardCharsets.UTF_8);
        byte[] blob = ByteBuffer.allocate(2 + name.length + 12 + sealed.length)
                .putShort((short) name.length).put(name).put(nonce).put(sealed).array();
        ObjectNode out = FakeKmsServer.JSON.createObjectNode().put("CiphertextBlob", blob).put("KeyId", arn)
                .put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
        return new Answer(200, out);
    }

    Answer decrypt(JsonNode in) {
        byte[] blob = Base64.getDecoder().decode(in.path("CiphertextBlob").asText());
        String arn;
        byte[] nonce = new byte[12];
        int offset;
        try {
            ByteBuffer b = ByteBuffer.wrap(blob);
            byte[] name = new byte[b.getShort()];
            b.get(name).get(nonce);
            arn = new String(name, StandardCharsets.UTF_8);
            offset = b.position();
        } catch (BufferUnderflowException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            return new Answer(400, error("InvalidCiphertextException", null));
        }
        if (in.has("KeyId") && !in.path("KeyId").asText().equals(arn)) {
            return new Answer(400, error("IncorrectKeyException",
                    "The key ID in the request does not identify a CMK that can perform this operation."));
        }
        Answer refused = check(arn, "Decrypt");
        if (refused != null) {
            return refused;
        }
        byte[] plain = gcm(Cipher.DECRYPT_MODE, keys.get(arn).material(), nonce, in, blob, offset);
        if (plain.length == 0 && blob.length > 0) {
            return new Answer(400, error("InvalidCiphertextException", null));
        }
        return new Answer(200, FakeKmsServer.JSON.createObjectNode().put("KeyId", arn).put("Plaintext", plain)
                .put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT"));
    }

    private Answer check(String arn, String action) {
        Key key = keys.get(arn);
        if (key == null) {
            return new Answer(400, error("NotFoundException", "Key '" + arn + "' does not exist"));
        }
        return switch (key.state()) {
            case ENABLED -> null;
            case DISABLED -> new Answer(400, error("DisabledException", arn + " is disabled."));
            case PENDING_DELETION -> new Answer(400, error("KMSInvalidStateException", arn + " is pending deletion."));
            case DENIED_TO_CALLER -> new Answer(400, error("AccessDeniedException", "User: arn:aws:iam::111122223333:user/krypton"
                    + " is not authorized to perform: kms:" + action + " on resource: " + arn));
        };
    }

    /** AES-GCM with AAD = sorted context; an authentication failure returns an empty array. */
    private static byte[] gcm(int mode, byte[] key, byte[] nonce, JsonNode in, byte[] data, int offset) {
        Map<String, String> context = new TreeMap<>();
        in.path("EncryptionContext").properties().forEach(e -> context.put(e.getKey(), e.getValue().asText()));
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(context.toString().getBytes(StandardCharsets.UTF_8));
            return c.doFinal(data, offset, data.length - offset);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
