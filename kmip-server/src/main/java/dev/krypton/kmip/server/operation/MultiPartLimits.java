package dev.krypton.kmip.server.operation;

/**
 * Bounds on the multi-part Encrypt operations the server holds open between requests (each holds
 * the plaintext received so far, at most {@link #maxBytes} bytes, for its Final part's tag).
 *
 * @param maxOpen          open operations in all tenants together: the bound on the memory held
 * @param maxOpenPerTenant open operations of one tenant (the tenant owning the key), so one tenant at its
 *                         cap leaves room for the others' first parts
 * @param maxBytes         plaintext bytes one operation may carry in all its parts
 */
public record MultiPartLimits(int maxOpen, int maxOpenPerTenant, int maxBytes) {

    public MultiPartLimits {
        if (maxOpen < 1 || maxOpenPerTenant < 1 || maxBytes < 1) {
            throw new dev.krypton.kmip.server.KmipServerException("multi-part limits must be at least 1");
        }
        if (maxOpenPerTenant > maxOpen) {
            throw new dev.krypton.kmip.server.KmipServerException("the per-tenant cap on open multi-part operations must not exceed the global one");
        }
    }

    /** 1,024 open in all, 64 per tenant, 1 MiB each. */
    public static MultiPartLimits defaults() {
        return new MultiPartLimits(1024, 64, 1 << 20);
    }
}
