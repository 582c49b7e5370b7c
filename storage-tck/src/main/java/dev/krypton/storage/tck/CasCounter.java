package dev.krypton.storage.tck;

import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageException;
import dev.krypton.storage.TenantRecord;
import dev.krypton.storage.Write;

/**
 * A counter kept as a tenant's generation, incremented by compare-and-set: the classic lost-update
 * test. If two writers could both succeed from the same generation, the final count comes up short.
 */
public final class CasCounter {

    private CasCounter() {
    }

    /** Creates the counter tenant at generation 1 unless it exists. */
    public static void create(Storage store, String tenantId) {
        try {
            store.write(new Write.PutTenant(Fixtures.tenant(tenantId, 1), Write.ABSENT));
        } catch (StorageException e) {
            if (e.kind() != StorageException.Kind.CONFLICT) {
                throw e;
            }
        }
    }

    /** Adds one, retrying on conflicts and transient unavailability; returns the generation written. */
    public static long increment(Storage store, String tenantId) {
        while (true) {
            TenantRecord current = store.tenant(tenantId).orElseThrow();
            long next = current.generation() + 1;
            try {
                store.write(new Write.PutTenant(Fixtures.tenant(tenantId, next), current.generation()));
                return next;
            } catch (StorageException e) {
                if (e.kind() != StorageException.Kind.CONFLICT && e.kind() != StorageException.Kind.UNAVAILABLE) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }
}
