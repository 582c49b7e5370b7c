package dev.krypton.rootkey.azure;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/** RSA keys of {@link FakeKeyVault}: versions (32 hex digits), enabled flag, Key Vault's messages. */
final class VaultKeys {

    record Answer(int status, String body) { }

    private static final OAEPParameterSpec OAEP_256 = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
            PSource.PSpecified.DEFAULT);
    private static final List<KeyPair> POOL = new ArrayList<>();
    private final SecureRandom random = new SecureRandom();
    private int used;
    private final Map<String, LinkedHashMap<String, KeyPair>> keys = new ConcurrentHashMap<>();
    private final Map<String, Boolean> enabled = new ConcurrentHashMap<>();

    /** Adds a new current version of {@code name}. */
    synchronized String rotate(String name) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        String version = HexFormat.of().formatHex(id);
        keys.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(version, pair(used++));
        enabled.put(name, true);
        return version;
    }

    /** RSA-2048 generation is slow on a busy machine: distinct pairs are shared across instances. */
    private static KeyPair pair(int index) {
        synchronized (POOL) {
            try {
                while (POOL.size() <= index) {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(2048);
                    POOL.add(generator.generateKeyPair());
                }
                return POOL.get(index);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    void setEnabled(String name, boolean on) {
        enabled.put(name, on);
    }

    static Answer error(int status, String code, String message) {
        return new Answer(status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}");
    }

    synchronized Answer wrap(String base, String name, String version, Map<String, String> in) {
        return crypt(Cipher.ENCRYPT_MODE, "wrapKey", base, name, version, in);
    }

    synchronized Answer unwrap(String base, String name, String version, Map<String, String> in) {
        return crypt(Cipher.DECRYPT_MODE, "unwrapKey", base, name, version, in);
    }

    private Answer crypt(int mode, String operation, String base, String name, String version, Map<String, String> in) {
        LinkedHashMap<String, KeyPair> versions = keys.get(name);
        if (versions == null) {
            return error(404, "KeyNotFound", "A key with (name/id) " + name + " was not found in this key vault.");
        }
        String chosen = version.isEmpty() ? List.copyOf(versions.keySet()).getLast() : version;
        KeyPair pair = versions.get(chosen);
        if (pair == null) {
            return error(404, "KeyNotFound", "A key with (name/id) " + name + "/" + version + " was not found in this key vault.");
        }
        if (!enabled.get(name)) {
            return error(403, "Forbidden", "Operation " + operation + " is not allowed on a disabled key.");
        }
        if (!"RSA-OAEP-256".equals(in.get("alg"))) {
            return error(400, "BadParameter", "Invalid algorithm: " + in.get("alg"));
        }
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(mode, mode == Cipher.ENCRYPT_MODE ? pair.getPublic() : pair.getPrivate(), OAEP_256);
            byte[] out = rsa.doFinal(FakeKeyVault.decode(in.getOrDefault("value", "")));
            return new Answer(200, "{\"kid\":\"" + base + chosen + "\",\"value\":\""
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(out) + "\"}");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return error(400, "BadParameter", "Error occurred while performing " + operation + ".");
        }
    }
}
