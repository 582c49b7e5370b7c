package dev.krypton.orbital;

import java.util.Arrays;
import java.util.Objects;

/**
 * A root key (L1) named by a task: provider name, key id and provider-specific access metadata
 * (for AWS the serialized {@code AWSKeyAccessData}). An empty provider means "the provider already
 * recorded for this tenant" (LINK_KEY carries only a key id).
 *
 * @param provider provider name such as {@code aws-kms} or {@code pkcs11}; may be empty
 * @param keyId provider key id (ARN, label, ...)
 * @param accessMetadata opaque provider access metadata, possibly empty
 */
public record RootKeyRef(String provider, String keyId, byte[] accessMetadata) {

    /** Validates and copies the metadata. */
    public RootKeyRef {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(keyId, "keyId");
        accessMetadata = accessMetadata.clone();
    }

    /** A copy of the access metadata. */
    @Override
    public byte[] accessMetadata() {
        return accessMetadata.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RootKeyRef r && provider.equals(r.provider) && keyId.equals(r.keyId)
                && Arrays.equals(accessMetadata, r.accessMetadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(provider, keyId, Arrays.hashCode(accessMetadata));
    }

    @Override
    public String toString() {
        return "RootKeyRef[provider=" + provider + ", keyId=" + keyId + ", accessMetadata="
                + accessMetadata.length + " bytes]";
    }
}
