package dev.krypton.rootkey;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A reference to a customer's root key (L1): which provider, which key, and how to reach it.
 *
 * <p>{@code keyId} is whatever the provider names keys by (an AWS key ARN, a PKCS#11 label, a
 * transit key name). {@code keyVersion} pins a version where the provider has versions; the empty
 * string means "the provider's current version" (each blob records the version that made it, so
 * old blobs unwrap and can be re-wrapped). {@code access} holds provider-specific access metadata
 * (endpoint, region, slot, the file or environment variable a token or PIN is read from); each
 * provider parses it into its own typed configuration and rejects unknown or missing entries.
 * {@link #toString()} prints only the access metadata's names, never its values.
 */
public record RootKeyRef(String provider, String keyId, String keyVersion, Map<String, String> access) {

    public RootKeyRef {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(keyVersion, "keyVersion");
        if (provider.isBlank() || keyId.isBlank()) {
            throw RootKeyException.denied("root-key reference needs a provider and a key id");
        }
        access = Map.copyOf(access);
    }

    /** A reference to the current version of a key. */
    public static RootKeyRef of(String provider, String keyId, Map<String, String> access) {
        return new RootKeyRef(provider, keyId, "", access);
    }

    /** The access entry {@code name}, or a DENIED error naming what is missing. */
    public String require(String name) {
        String value = access.get(name);
        if (value == null || value.isBlank()) {
            throw RootKeyException.denied(provider + " root key " + keyId + ": access metadata '" + name + "' is required");
        }
        return value;
    }

    /** The access entry {@code name}, or {@code fallback} when absent. */
    public String optional(String name, String fallback) {
        String value = access.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public String toString() {
        return "RootKeyRef[provider=" + provider + ", keyId=" + keyId + ", keyVersion=" + keyVersion
                + ", access=" + new TreeMap<>(access).keySet() + "]";
    }
}
