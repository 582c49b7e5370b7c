package dev.krypton.rootkey.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.krypton.crypto.CryptoEngine;
import dev.krypton.crypto.CryptoEngines;
import dev.krypton.crypto.KeyHandle;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.rootkey.Failure;
import dev.krypton.rootkey.KeyServices;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyBlob;
import dev.krypton.rootkey.WrapContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite every root-key provider runs (docs/design.md section 6). A provider's test
 * extends this class and supplies keys through the hooks; each test also checks, through
 * {@link LeakWatch}, that no key bytes or configured secrets appear in any exception or toString.
 *
 * <p>Hooks that a provider cannot meaningfully implement return {@link Optional#empty()}, which
 * turns the test into a skipped (aborted) one, visible in the report rather than silently passing.
 */
public abstract class RootKeyConformance {

    protected static final WrapContext TENANT_A = new WrapContext("tenant-a", "eu-central-1");
    protected static final WrapContext TENANT_B = new WrapContext("tenant-b", "eu-central-1");
    private static final CryptoEngine ENGINE = CryptoEngines.select();

    /** A usable key. Each call may return a new handle on the same key. */
    protected abstract RootKey openKey();

    /** A different usable key of the same provider. */
    protected abstract RootKey openOtherKey();

    /** A key that exists but may not be used to wrap or unwrap (disabled, usage attributes off). */
    protected abstract RootKey openDisabledKey();

    /** The key of {@link #openKey()} but with an endpoint (or module, or file) that cannot be reached. */
    protected abstract RootKey openUnreachableKey();

    /**
     * The key of {@link #openKey()} reached through an endpoint that accepts the call and never
     * answers, with the provider's call timeout set to {@code timeout}; empty when the provider
     * makes no remote calls.
     */
    protected abstract Optional<RootKey> openHangingKey(Duration timeout);

    /**
     * Disables the key of {@link #openKey()} after blobs were made with it; empty when the test
     * cannot change a key's state. Later calls with that key must be DENIED.
     */
    protected abstract Optional<Runnable> disabler();

    /** Configured secrets (tokens, PINs, credentials) that must never appear in messages. */
    protected abstract List<String> configuredSecrets();

    protected final LeakWatch leaks = new LeakWatch();

    /** Secure memory for this test's keys; closed (every key wiped) after the test. */
    protected final SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults());

    /** What providers under test are opened with. */
    protected final KeyServices services = new KeyServices(memory, ENGINE);

    @Test
    void roundTripOfA32ByteL2LandsInSecureMemory() {
        try (RootKey key = openKey()) {
            KeyHandle l2 = newL2();
            RootKeyBlob blob = key.wrap(l2, TENANT_A);
            assertThat(blob.provider()).isEqualTo(key.ref().provider());
            assertThat(blob.keyId()).isEqualTo(key.ref().keyId());
            KeyHandle back = key.unwrap(RootKeyBlob.decode(blob.encode()), TENANT_A);
            assertThat(LeakWatch.sameKey(l2, back)).isTrue();
            leaks.checkToString(key, blob, key.ref());
            back.wipe();
        }
    }

    @Test
    void reopenedKeyUnwrapsEarlierBlob() {
        KeyHandle l2 = newL2();
        RootKeyBlob blob;
        try (RootKey key = openKey()) {
            blob = key.wrap(l2, TENANT_A);
        }
        try (RootKey again = openKey()) {
            assertThat(LeakWatch.sameKey(l2, again.unwrap(blob, TENANT_A))).isTrue();
        }
    }

    @Test
    void blobForOneTenantDoesNotUnwrapForAnother() {
        try (RootKey key = openKey()) {
            assumeTrue(key.bindsContext(), "provider does not bind an encryption context");
            RootKeyBlob blob = key.wrap(newL2(), TENANT_A);
            leaks.expect(Failure.DENIED, () -> key.unwrap(blob, TENANT_B));
            leaks.expect(Failure.DENIED, () -> key.unwrap(blob, new WrapContext("tenant-a", "us-east-1")));
        }
    }

    @Test
    void blobOfAnotherKeyIsDenied() {
        try (RootKey key = openKey(); RootKey other = openOtherKey()) {
            RootKeyBlob blob = key.wrap(newL2(), TENANT_A);
            leaks.expect(Failure.DENIED, () -> other.unwrap(blob, TENANT_A));
            RootKeyBlob relabelled = new RootKeyBlob(blob.provider(), other.ref().keyId(), blob.keyVersion(),
                    blob.mechanism(), blob.ciphertext());
            leaks.expect(Failure.DENIED, () -> other.unwrap(relabelled, TENANT_A));
            RootKeyBlob foreign = new RootKeyBlob("another-provider", blob.keyId(), blob.keyVersion(),
                    blob.mechanism(), blob.ciphertext());
            leaks.expect(Failure.DENIED, () -> key.unwrap(foreign, TENANT_A));
        }
    }

    @Test
    void tamperedBlobIsDenied() {
        try (RootKey key = openKey()) {
            RootKeyBlob blob = key.wrap(newL2(), TENANT_A);
            byte[] c = blob.ciphertext();
            for (int position : new int[] {0, c.length / 2, c.length - 1}) {
                byte[] bad = c.clone();
                bad[position] ^= 0x01;
                RootKeyBlob tampered = new RootKeyBlob(blob.provider(), blob.keyId(), blob.keyVersion(), blob.mechanism(), bad);
                leaks.expect(Failure.DENIED, () -> key.unwrap(tampered, TENANT_A));
            }
            byte[] truncated = Arrays.copyOf(c, c.length - 1);
            leaks.expect(Failure.DENIED, () -> key.unwrap(new RootKeyBlob(blob.provider(), blob.keyId(),
                    blob.keyVersion(), blob.mechanism(), truncated), TENANT_A));
            byte[] encoded = blob.encode();
            leaks.expect(Failure.DENIED, () -> RootKeyBlob.decode(Arrays.copyOf(encoded, encoded.length - 1)));
        }
    }

    @Test
    void disabledKeyIsDenied() {
        try (RootKey key = openDisabledKey()) {
            leaks.expect(Failure.DENIED, () -> key.probe(TENANT_A));
            leaks.expect(Failure.DENIED, () -> key.wrap(newL2(), TENANT_A));
        }
    }

    @Test
    void blobsOfAKeyDisabledLaterAreDenied() {
        Optional<Runnable> disable = disabler();
        assumeTrue(disable.isPresent(), "provider test cannot disable a key after use");
        try (RootKey key = openKey()) {
            RootKeyBlob blob = key.wrap(newL2(), TENANT_A);
            key.probe(TENANT_A);
            disable.get().run();
            leaks.expect(Failure.DENIED, () -> key.unwrap(blob, TENANT_A));
            leaks.expect(Failure.DENIED, () -> key.probe(TENANT_A));
        }
    }

    @Test
    void unreachableProviderIsUnavailable() {
        RootKeyBlob blob;
        try (RootKey key = openKey()) {
            blob = key.wrap(newL2(), TENANT_A);
        }
        try (RootKey key = openUnreachableKey()) {
            leaks.expect(Failure.UNAVAILABLE, () -> key.probe(TENANT_A));
            leaks.expect(Failure.UNAVAILABLE, () -> key.wrap(newL2(), TENANT_A));
            leaks.expect(Failure.UNAVAILABLE, () -> key.unwrap(blob, TENANT_A));
        }
    }

    @Test
    void callTimeoutIsHonoured() {
        Duration timeout = Duration.ofMillis(300);
        Optional<RootKey> hanging = openHangingKey(timeout);
        assumeTrue(hanging.isPresent(), "provider makes no remote calls");
        try (RootKey key = hanging.get()) {
            // A liveness bound, not a speed assertion: the call must come back at all.
            assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> leaks.expect(Failure.UNAVAILABLE, () -> key.probe(TENANT_A)));
        }
    }

    @Test
    void probeOfAUsableKeySucceeds() {
        try (RootKey key = openKey()) {
            key.probe(TENANT_A);
            key.probe(TENANT_B);
        }
    }

    @AfterEach
    final void noSecretsInMessages() {
        try {
            leaks.assertNoLeaks(configuredSecrets());
        } finally {
            memory.close();
        }
    }

    /** A fresh random 32-byte L2 in secure memory, remembered by the leak watch. */
    protected final KeyHandle newL2() {
        KeyHandle l2 = memory.random(32);
        leaks.remember(l2);
        return l2;
    }
}
