package dev.krypton.engine;

import java.util.Map;
import java.util.TreeMap;

/**
 * Which customer root key (L1) protects a tenant's L2: the provider name as registered with the
 * root-key SPI ({@code aws-kms}, {@code pkcs11}, ...), the provider's key id (ARN, label, ...)
 * and provider-specific access metadata (role ARNs, endpoints; never secrets).
 */
public record RootKeyRef(String provider, String keyId, Map<String, String> metadata) {

    public RootKeyRef {
        if (provider == null || provider.isBlank() || provider.length() > 64) {
            throw EngineException.invalid("root key provider must be a non-blank name of at most 64 characters");
        }
        if (keyId == null || keyId.isBlank() || keyId.length() > 2048) {
            throw EngineException.invalid("root key id must be non-blank and at most 2048 characters");
        }
        if (metadata == null) {
            throw EngineException.invalid("root key metadata must be given (may be empty)");
        }
        metadata = java.util.Collections.unmodifiableMap(new TreeMap<>(metadata));
    }

    public static RootKeyRef of(String provider, String keyId) {
        return new RootKeyRef(provider, keyId, Map.of());
    }
}
