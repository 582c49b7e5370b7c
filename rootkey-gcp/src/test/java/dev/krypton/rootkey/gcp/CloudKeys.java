package dev.krypton.rootkey.gcp;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * CryptoKeys of {@link FakeCloudKms}: versions with states, the newest enabled one primary.
 * Fake ciphertext: {@code u32 version || nonce(12) || AES-GCM(ciphertext || tag)} with AAD = the
 * request's additionalAuthenticatedData.
 */
final class CloudKeys {

    enum State { ENABLED, DISABLED, DESTROYED }

    record Answer(int code, String body) { }

    private record Version(byte[] material, State state) { }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, List<Version>> keys = new ConcurrentHashMap<>();

    synchronized void create(String name) {
        keys.computeIfAbsent(name, n -> new ArrayList<>());
        byte[] material = new byte[32];
        random.nextBytes(material);
        keys.get(name).add(new Version(material, State.ENABLED));
    }

    synchronized void setState(String name, int version, State state) {
        List<Version> versions = keys.get(name);
        versions.set(version - 1, new Version(versions.get(version - 1).material(), state));
    }

    static Answer error(int code, String status, String message) {
        return new Answer(code, "{\"error\":{\"code\":" + code + ",\"message\":\"" + message
                + "\",\"status\":\"" + status + "\"}}");
    }

    synchronized Answer encrypt(String name, Map<String, String> in) {
        List<Version> versions = keys.get(name);
        if (versions == null) {
            return error(404, "NOT_FOUND", name + " not found.");
        }
        int primary = versions.size();
        if (versions.get(primary - 1).state() != State.ENABLED) {
            return error(400, "FAILED_PRECONDITION", name + "/cryptoKeyVersions/" + primary
                    + " is not enabled, current state is: " + versions.get(primary - 1).state() + ".");
        }
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        byte[] sealed = gcm(Cipher.ENCRYPT_MODE, versions.get(primary - 1).material(), nonce, in,
                Base64.getDecoder().decode(in.getOrDefault("plaintext", "")), 0);
        byte[] ct = ByteBuffer.allocate(4 + 12 + sealed.length).putInt(primary).put(nonce).put(sealed).array();
        return new Answer(200, "{\"name\":\"" + name + "/cryptoKeyVersions/" + primary + "\",\"ciphertext\":\""
                + Base64.getEncoder().encodeToString(ct) + "\",\"protectionLevel\":\"SOFTWARE\"}");
    }

    synchronized Answer decrypt(String name, Map<String, String> in) {
        List<Version> versions = keys.get(name);
        if (versions == null) {
            return error(404, "NOT_FOUND", name + " not found.");
        }
        Answer invalid = error(400, "INVALID_ARGUMENT", "Decryption failed: the ciphertext is invalid.");
        byte[] ct = Base64.getDecoder().decode(in.getOrDefault("ciphertext", ""));
        int version;
        byte[] nonce = new byte[12];
        try {
            ByteBuffer b = ByteBuffer.wrap(ct);
            version = b.getInt();
            b.get(nonce);
        } catch (BufferUnderflowException e) {
            return invalid;
        }
        if (version < 1 || version > versions.size()) {
            return invalid;
        }
        if (versions.get(version - 1).state() != State.ENABLED) {
            return error(400, "FAILED_PRECONDITION", name + "/cryptoKeyVersions/" + version
                    + " is not enabled, current state is: " + versions.get(version - 1).state() + ".");
        }
        byte[] plain = gcm(Cipher.DECRYPT_MODE, versions.get(version - 1).material(), nonce, in, ct, 16);
        if (plain == null) {
            return invalid;
        }
        return new Answer(200, "{\"plaintext\":\"" + Base64.getEncoder().encodeToString(plain) + "\",\"usedPrimary\":"
                + (version == versions.size()) + ",\"protectionLevel\":\"SOFTWARE\"}");
    }

    private static byte[] gcm(int mode, byte[] key, byte[] nonce, Map<String, String> in, byte[] data, int offset) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(Base64.getDecoder().decode(in.getOrDefault("additionalAuthenticatedData", "")));
            return c.doFinal(data, offset, data.length - offset);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
