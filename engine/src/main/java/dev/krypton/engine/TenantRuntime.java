package dev.krypton.engine;

import dev.krypton.crypto.KeyHandle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory keys of one ACTIVE tenant: L2 and every L3 version. {@link #zeroize()} first
 * clears the {@code active} flag (so new operations are refused without touching a key), then
 * wipes every handle; a wipe waits for loans in flight, and loans after it fail, so no
 * operation ever runs with a wiped key and none succeeds after zeroize returns.
 */
final class TenantRuntime {

    final TenantId tenant;
    final KeyHandle l2;
    final long l2Revision;
    final Map<String, LiveKek> keks = new ConcurrentHashMap<>();
    private volatile boolean active = true;

    TenantRuntime(TenantId tenant, KeyHandle l2, long l2Revision) {
        this.tenant = tenant;
        this.l2 = l2;
        this.l2Revision = l2Revision;
    }

    boolean active() {
        return active;
    }

    /**
     * The live KEK version, or NOT_FOUND (destroyed versions are not in memory); PERMISSION_DENIED
     * when the tenant was zeroized meanwhile (zeroize clears the map, so a miss then says nothing
     * about the version).
     */
    LiveKek kek(ObjectRef.Kek ref) {
        LiveKek k = keks.get(ref.uid());
        if (k == null) {
            if (!active) {
                throw EngineException.denied("tenant " + tenant + " is not ACTIVE");
            }
            throw EngineException.notFound("no usable KEK version " + ref.uid());
        }
        return k;
    }

    /** Refuses further use, then wipes L2 and every L3. Idempotent. */
    void zeroize() {
        active = false;
        for (LiveKek k : keks.values()) {
            k.key.wipe();
        }
        l2.wipe();
        keks.clear();
    }

    /** Wipes only the L2 (after an L2 rotation handed the L3s to a new runtime). */
    void retireL2() {
        active = false;
        l2.wipe();
    }
}
