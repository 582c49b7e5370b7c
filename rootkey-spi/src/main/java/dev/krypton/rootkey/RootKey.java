package dev.krypton.rootkey;

import dev.krypton.crypto.KeyHandle;

/**
 * An opened customer root key (L1). Krypton never sees its bytes; it asks the provider to wrap and
 * unwrap a tenant's L2 (docs/design.md section 6).
 *
 * <p>Every method either succeeds or throws {@link RootKeyException} classified DENIED or
 * UNAVAILABLE. Implementations are safe for concurrent use. Plain implementations make one attempt
 * per call; timeouts, retries and circuit breaking are added by the decorators in
 * {@code dev.krypton.rootkey.resilience}.
 */
public interface RootKey extends AutoCloseable {

    /** The reference this key was opened from. */
    RootKeyRef ref();

    /**
     * Whether blobs are bound to the {@link WrapContext} (tenant and region), so a blob made for one
     * tenant fails to unwrap as DENIED for another.
     */
    boolean bindsContext();

    /**
     * Wraps {@code l2} under this root key, bound to {@code context} where supported. The returned
     * blob records provider, key id, key version and mechanism.
     */
    RootKeyBlob wrap(KeyHandle l2, WrapContext context);

    /**
     * Unwraps {@code blob} straight into secure memory. A blob of another provider or key, a
     * tampered blob, or the wrong context is DENIED. Where a provider hands back plaintext on the
     * heap, the implementation copies it into secure memory at once and zeroes the array.
     */
    KeyHandle unwrap(RootKeyBlob blob, WrapContext context);

    /**
     * Checks that the key is usable now for {@code context} (reachable, enabled, allowed), with as
     * little work as the provider allows. Returns normally when usable.
     */
    void probe(WrapContext context);

    /** Releases sessions and connections; never throws. */
    @Override
    void close();
}
