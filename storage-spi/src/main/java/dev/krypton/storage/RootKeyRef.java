package dev.krypton.storage;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which customer root key (L1) wraps a tenant's L2: the root-key provider's name, the key id and
 * version at that provider, and opaque access metadata the provider needs (region, endpoint,
 * role). Never a secret: credentials stay in configuration, not in storage.
 *
 * @param provider root-key provider name, empty only in {@link #UNSET}
 * @param keyId    key identifier at the provider
 * @param keyVersion key version at the provider, empty if the provider has no versions
 * @param metadata provider access metadata, copied and sorted by key
 */
public record RootKeyRef(String provider, String keyId, String keyVersion, Map<String, String> metadata) {

    /** No root key chosen yet (a tenant that was never linked). */
    public static final RootKeyRef UNSET = new RootKeyRef("", "", "", Map.of());

    public RootKeyRef {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(keyVersion, "keyVersion");
        metadata = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(metadata, "metadata")));
        if (provider.isEmpty() != keyId.isEmpty()) {
            throw StorageException.invalid("A root key reference needs both a provider and a key id, or neither.");
        }
    }

    /** A reference without access metadata. */
    public static RootKeyRef of(String provider, String keyId, String keyVersion) {
        return new RootKeyRef(provider, keyId, keyVersion, Map.of());
    }

    /** Whether a root key has been chosen. */
    public boolean isSet() {
        return !provider.isEmpty();
    }
}
