package dev.krypton.rootkey.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.crypto.CryptoEngines;
import dev.krypton.crypto.KeyHandle;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.rootkey.Failure;
import dev.krypton.rootkey.KeyServices;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyBlob;
import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.WrapContext;
import dev.krypton.rootkey.tck.LeakWatch;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** PKCS#11 specifics against SoftHSM2: usage attributes, PIN handling, module and slot failures. */
class Pkcs11ProviderTest {

    private static final WrapContext CTX = WrapContext.tenant("tenant-a");
    private final SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults());
    private final KeyServices services = new KeyServices(memory, CryptoEngines.select());
    private final SoftHsm hsm = SoftHsm.get();

    private RootKey open(String label, Map<String, String> changes) {
        Map<String, String> access = new HashMap<>(hsm.access());
        access.putAll(changes);
        access.values().removeIf(String::isEmpty);
        return new Pkcs11Provider(Map.of("HSM_PIN", SoftHsm.PIN)::get).open(RootKeyRef.of(Pkcs11Provider.NAME, label, access), services);
    }

    private static void assertFailure(Failure failure, String code, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RootKeyException.class, e -> {
            assertThat(e.failure()).isEqualTo(failure);
            assertThat(e.getMessage()).contains(code);
        });
    }

    @Test
    void keyWithDecryptAndUnwrapOffWrapsButNeverUnwraps() {
        hsm.generate("encrypt-only", true, false);
        try (RootKey key = open("encrypt-only", Map.of())) {
            RootKeyBlob blob = key.wrap(memory.random(32), CTX);
            assertFailure(Failure.DENIED, "CKR_KEY_FUNCTION_NOT_PERMITTED", () -> key.unwrap(blob, CTX));
            assertFailure(Failure.DENIED, "CKR_KEY_FUNCTION_NOT_PERMITTED", () -> key.probe(CTX));
        }
    }

    @Test
    void pinFromEnvironmentWorksAndRoundTrips() {
        hsm.generate("env-pin", true, true);
        try (RootKey key = open("env-pin", Map.of("pin-file", "", "pin-env", "HSM_PIN"))) {
            KeyHandle l2 = memory.random(32);
            assertThat(LeakWatch.sameKey(l2, key.unwrap(key.wrap(l2, CTX), CTX))).isTrue();
        }
    }

    @Test
    void tokenIsFoundByItsLabel() {
        hsm.generate("by-label", true, true);
        try (RootKey key = open("by-label", Map.of("slot", "", "token-label", "krypton-test"))) {
            KeyHandle l2 = memory.random(32);
            assertThat(LeakWatch.sameKey(l2, key.unwrap(key.wrap(l2, CTX), CTX))).isTrue();
        }
        try (RootKey key = open("by-label", Map.of("slot", "", "token-label", "no-such-token"))) {
            assertFailure(Failure.UNAVAILABLE, "no token labelled 'no-such-token'", () -> key.probe(CTX));
        }
    }

    @Test
    void unknownLabelIsDenied() {
        try (RootKey key = open("no-such-label", Map.of())) {
            assertFailure(Failure.DENIED, "no AES secret key labelled", () -> key.probe(CTX));
        }
    }

    @Test
    void missingModuleAndMissingSlotAreUnavailable() {
        try (RootKey key = open("x", Map.of("library", "/nonexistent/libpkcs11.so"))) {
            assertFailure(Failure.UNAVAILABLE, "pkcs11 probe x", () -> key.probe(CTX));
        }
        try (RootKey key = open("x", Map.of("slot", "", "slot-list-index", "7"))) {
            assertFailure(Failure.UNAVAILABLE, "pkcs11 probe x", () -> key.probe(CTX));
        }
    }

    @Test
    void pinInClearAndIncompleteConfigurationAreRefused() {
        assertThatThrownBy(() -> open("x", Map.of("pin", "1234"))).hasMessageContaining("must not be given in clear");
        assertThatThrownBy(() -> open("x", Map.of("slot-list-index", "0"))).hasMessageContaining("exactly one of 'slot', 'slot-list-index' or 'token-label'");
        assertThatThrownBy(() -> open("x", Map.of("slot", "-1"))).hasMessageContaining("non-negative");
    }

    @AfterEach
    void closeMemory() {
        memory.close();
    }
}
