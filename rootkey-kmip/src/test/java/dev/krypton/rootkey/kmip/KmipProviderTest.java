package dev.krypton.rootkey.kmip;

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
import dev.krypton.rootkey.WrapContext;
import dev.krypton.rootkey.tck.LeakWatch;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KMIP specifics against the real PyKMIP server: why each refusal is classified as it is. */
class KmipProviderTest {

    private static final WrapContext CTX = WrapContext.tenant("tenant-a");

    @TempDir
    static Path dir;
    static KmipFixture kmip;

    private final SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults());
    private final KeyServices services = new KeyServices(memory, CryptoEngines.select());

    @BeforeAll
    static void start() throws Exception {
        kmip = KmipFixture.start(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        if (kmip != null) {
            kmip.close();
        }
    }

    @AfterEach
    void wipe() {
        memory.close();
    }

    private RootKey open(String id, Map<String, String> changes) {
        return new KmipRootKeyProvider().open(kmip.ref(id, changes), services);
    }

    private static void assertFailure(Failure failure, String text, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RootKeyException.class, e -> {
            assertThat(e.failure()).as(e.getMessage()).isEqualTo(failure);
            assertThat(e.getMessage()).contains(text);
        });
    }

    @Test
    void wrongTagIsGeneralFailureAtPyKmipAndDeniedAfterTheRoundTripCheck() {
        try (RootKey key = open(kmip.createKey(true), Map.of())) {
            RootKeyBlob blob = key.wrap(memory.random(32), CTX);
            byte[] c = blob.ciphertext();
            c[1 + 12] ^= 1;
            RootKeyBlob badTag = new RootKeyBlob(blob.provider(), blob.keyId(), "", blob.mechanism(), c);
            assertFailure(Failure.DENIED, "General Failure while the key round-trips", () -> key.unwrap(badTag, CTX));
            assertFailure(Failure.DENIED, "General Failure while the key round-trips",
                    () -> key.unwrap(blob, WrapContext.tenant("tenant-b")));
        }
    }

    @Test
    void malformedGcmFieldIsDeniedWithoutAskingTheServer() {
        try (RootKey key = open(kmip.createKey(true), Map.of())) {
            RootKeyBlob blob = key.wrap(memory.random(32), CTX);
            byte[] c = blob.ciphertext();
            c[0] = 40;
            assertFailure(Failure.DENIED, "AES-GCM blob is malformed",
                    () -> key.unwrap(new RootKeyBlob(blob.provider(), blob.keyId(), "", blob.mechanism(), c), CTX));
            assertFailure(Failure.DENIED, "not AES-GCM or AES-KWP",
                    () -> key.unwrap(new RootKeyBlob(blob.provider(), blob.keyId(), "", "AES-CBC", blob.ciphertext()), CTX));
        }
    }

    @Test
    void revokedKeyIsDeniedByStateAndByPermission() {
        String id = kmip.createKey(true);
        try (RootKey key = open(id, Map.of())) {
            RootKeyBlob blob = key.wrap(memory.random(32), CTX);
            kmip.revoke(id);
            assertFailure(Failure.DENIED, "key state is Deactivated", () -> key.probe(CTX));
            assertFailure(Failure.DENIED, "Permission Denied", () -> key.unwrap(blob, CTX));
        }
    }

    @Test
    void destroyedKeyIsDeniedAsItemNotFound() {
        String id = kmip.createKey(true);
        try (RootKey key = open(id, Map.of())) {
            RootKeyBlob blob = key.wrap(memory.random(32), CTX);
            kmip.destroy(id);
            assertFailure(Failure.DENIED, "Item Not Found", () -> key.probe(CTX));
            assertFailure(Failure.DENIED, "Item Not Found", () -> key.unwrap(blob, CTX));
        }
    }

    @Test
    void serverChosenIvRoundTrips() {
        try (RootKey key = open(kmip.createKey(true), Map.of("iv", "server"))) {
            KeyHandle l2 = memory.random(32);
            RootKeyBlob blob = key.wrap(l2, CTX);
            assertThat(GcmCiphertext.decode(blob.ciphertext()).iv().length()).isEqualTo(16);
            assertThat(LeakWatch.sameKey(l2, key.unwrap(blob, CTX))).isTrue();
        }
    }

    @Test
    void keyWrapModeIsRefusedByPyKmipAsDeniedYetOldGcmBlobsStillUnwrap() {
        String id = kmip.createKey(true);
        KeyHandle l2 = memory.random(32);
        RootKeyBlob gcmBlob;
        try (RootKey gcm = open(id, Map.of())) {
            gcmBlob = gcm.wrap(l2, CTX);
        }
        try (RootKey kwp = open(id, Map.of("mode", "kwp"))) {
            assertThat(kwp.bindsContext()).isFalse();
            assertFailure(Failure.DENIED, "Invalid Field", () -> kwp.wrap(memory.random(32), CTX));
            assertThat(LeakWatch.sameKey(l2, kwp.unwrap(gcmBlob, CTX))).isTrue();
        }
    }

    /**
     * PyKMIP drops the handshake of an unknown client certificate without a TLS alert the JDK
     * client gets to read (it sees a broken pipe), which cannot be told from a network fault: the
     * refusal is UNAVAILABLE, so it stops service only after max-autonomy (documented).
     */
    @Test
    void clientCertificateFromAnotherCaIsDroppedByPyKmipAndReadsAsUnavailable() {
        try (RootKey key = open(kmip.createKey(true), Map.of("client-cert", kmip.pki().cert("stranger").toString(),
                "client-key", kmip.pki().key("stranger").toString()))) {
            assertFailure(Failure.UNAVAILABLE, "cannot connect to KMIP server", () -> key.probe(CTX));
        }
    }

    @Test
    void serverCertificateFromAnUntrustedCaIsDenied() {
        try (RootKey key = open(kmip.createKey(true), Map.of("ca-file", kmip.pki().cert("other-ca").toString()))) {
            assertFailure(Failure.DENIED, "TLS handshake refused over certificates", () -> key.probe(CTX));
        }
    }
}
