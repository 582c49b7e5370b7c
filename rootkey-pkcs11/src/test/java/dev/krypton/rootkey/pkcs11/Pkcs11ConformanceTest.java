package dev.krypton.rootkey.pkcs11;

import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.tck.RootKeyConformance;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The conformance kit against a real SoftHSM2 token. Each test gets fresh keys; "disable" deletes
 * the key object from the token; "unreachable" is a slot id with no token (as after removal).
 * PKCS#11 calls are in-process: the call-timeout test does not apply (see TimeLimitedRootKey).
 */
class Pkcs11ConformanceTest extends RootKeyConformance {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private final SoftHsm hsm = SoftHsm.get();
    private final String label = "root-" + SEQUENCE.incrementAndGet();

    Pkcs11ConformanceTest() {
        hsm.generate(label, true, true);
        hsm.generate(label + "-other", true, true);
        hsm.generate(label + "-off", false, false);
    }

    private RootKey open(String keyLabel, Map<String, String> access) {
        return new Pkcs11Provider().open(RootKeyRef.of(Pkcs11Provider.NAME, keyLabel, access), services);
    }

    @Override
    protected RootKey openKey() {
        return open(label, hsm.access());
    }

    @Override
    protected RootKey openOtherKey() {
        return open(label + "-other", hsm.access());
    }

    @Override
    protected RootKey openDisabledKey() {
        return open(label + "-off", hsm.access());
    }

    @Override
    protected RootKey openUnreachableKey() {
        Map<String, String> access = new HashMap<>(hsm.access());
        access.put("slot", Long.toString(hsm.slot + 1));
        return open(label, access);
    }

    @Override
    protected Optional<RootKey> openHangingKey(Duration timeout) {
        return Optional.empty();
    }

    @Override
    protected Optional<Runnable> disabler() {
        return Optional.of(() -> hsm.delete(label));
    }

    @Override
    protected List<String> configuredSecrets() {
        return List.of(SoftHsm.PIN);
    }
}
