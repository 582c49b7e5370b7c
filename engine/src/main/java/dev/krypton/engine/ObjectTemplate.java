package dev.krypton.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a caller asks for when creating or registering an object: names, algorithm and length
 * (for keys), usage, Sensitive and Extractable (KMIP 1.4 sections 3.39 and 3.40), custom
 * attributes, and whether to activate at once (otherwise PRE_ACTIVE).
 */
public record ObjectTemplate(List<String> names, String algorithm, int lengthBits, Set<KeyUsage> usage,
                             boolean sensitive, boolean extractable, Map<String, List<String>> custom,
                             boolean activate) {

    public ObjectTemplate {
        names = List.copyOf(names);
        if (algorithm == null) {
            throw EngineException.invalid("algorithm must be given (may be empty for secret data)");
        }
        if (lengthBits < 0 || lengthBits > 65536) {
            throw EngineException.invalid("lengthBits must be between 0 and 65536");
        }
        usage = Set.copyOf(usage);
        custom = Map.copyOf(custom);
    }

    /** An AES-256 key for encrypt/decrypt/wrap/unwrap, not sensitive, extractable, activated. */
    public static ObjectTemplate aes256(String name) {
        return new ObjectTemplate(List.of(name), "AES", 256,
                Set.of(KeyUsage.ENCRYPT, KeyUsage.DECRYPT, KeyUsage.WRAP_KEY, KeyUsage.UNWRAP_KEY),
                false, true, Map.of(), true);
    }

    public ObjectTemplate withSensitive(boolean value) {
        return new ObjectTemplate(names, algorithm, lengthBits, usage, value, extractable, custom, activate);
    }

    public ObjectTemplate withExtractable(boolean value) {
        return new ObjectTemplate(names, algorithm, lengthBits, usage, sensitive, value, custom, activate);
    }

    public ObjectTemplate withActivate(boolean value) {
        return new ObjectTemplate(names, algorithm, lengthBits, usage, sensitive, extractable, custom, value);
    }
}
