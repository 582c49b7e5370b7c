package dev.krypton.rootkey.vault;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** The key ring of {@link FakeTransitServer}: versions, min_decryption_version, Vault's messages. */
final class TransitKeys {

    record Answer(int status, String body) { }

    private static final Pattern CIPHERTEXT = Pattern.compile("vault:v(\\d+):(.*)");
    private final SecureRandom random = new SecureRandom();
    private final Map<String, List<byte[]>> versions = new ConcurrentHashMap<>();
    private final Map<String, Integer> minDecryption = new ConcurrentHashMap<>();

    void create(String name) {
        versions.computeIfAbsent(name, n -> new ArrayList<>());
        rotate(name);
    }

    synchronized void rotate(String name) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        versions.get(name).add(key);
    }

    void minDecryptionVersion(String name, int version) {
        minDecryption.put(name, version);
    }

    synchronized Answer encrypt(String name, Map<String, String> in) {
        List<byte[]> ring = versions.get(name);
        if (ring == null) {
            return new Answer(400, FakeTransitServer.errors("encryption key not found"));
        }
        if (in.get("context") == null) {
            return new Answer(400, FakeTransitServer.errors("missing 'context' for key derivation; the key was created using a derived key, which means additional, per-request information must be included in order to perform operations with the key"));
        }
        int version = in.containsKey("key_version") ? Integer.parseInt(in.get("key_version")) : ring.size();
        if (version > ring.size()) {
            return new Answer(400, FakeTransitServer.errors("requested version for encryption is higher than the latest key version"));
        }
        byte[] plaintext = Base64.getDecoder().decode(in.getOrDefault("plaintext", ""));
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        byte[] sealed = gcm(Cipher.ENCRYPT_MODE, ring.get(version - 1), nonce, in.get("context"), plaintext, 0);
        String ct = "vault:v" + version + ":" + Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        return new Answer(200, "{\"request_id\":\"r\",\"lease_id\":\"\",\"renewable\":false,\"lease_duration\":0,"
                + "\"data\":{\"ciphertext\":\"" + ct + "\",\"key_version\":" + version + "},\"wrap_info\":null,\"warnings\":null,\"auth\":null}");
    }

    synchronized Answer decrypt(String name, Map<String, String> in) {
        List<byte[]> ring = versions.get(name);
        if (ring == null) {
            return new Answer(400, FakeTransitServer.errors("encryption key not found"));
        }
        Matcher m = CIPHERTEXT.matcher(in.getOrDefault("ciphertext", ""));
        if (!m.matches()) {
            return new Answer(400, FakeTransitServer.errors("invalid ciphertext: no prefix"));
        }
        int version = Integer.parseInt(m.group(1));
        if (version < minDecryption.getOrDefault(name, 1)) {
            return new Answer(400, FakeTransitServer.errors("ciphertext or signature version is disallowed by policy (too old)"));
        }
        if (version > ring.size()) {
            return new Answer(400, FakeTransitServer.errors("invalid ciphertext: version is too new"));
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(m.group(2));
        } catch (IllegalArgumentException e) {
            return new Answer(400, FakeTransitServer.errors("invalid ciphertext: could not decode base64"));
        }
        if (raw.length < 28) {
            return new Answer(400, FakeTransitServer.errors("invalid ciphertext: nonce length"));
        }
        try {
            byte[] plain = gcm(Cipher.DECRYPT_MODE, ring.get(version - 1), Arrays.copyOf(raw, 12),
                    String.valueOf(in.get("context")), raw, 12);
            return new Answer(200, "{\"data\":{\"plaintext\":\"" + Base64.getEncoder().encodeToString(plain) + "\"}}");
        } catch (IllegalStateException e) {
            return new Answer(400, FakeTransitServer.errors("cipher: message authentication failed"));
        }
    }

    private static byte[] gcm(int mode, byte[] key, byte[] nonce, String context, byte[] in, int offset) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(Base64.getDecoder().decode(context));
            return c.doFinal(in, offset, in.length - offset);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new IllegalStateException("authentication failed");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
