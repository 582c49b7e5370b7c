package dev.krypton.rootkey.kmip;

import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.tck.RootKeyConformance;
import dev.krypton.testsupport.PyKmipServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance kit against the REAL PyKMIP server (python3-pykmip) in the default mode, AES-GCM
 * with the tenant as AEAD additional data, over TLS 1.2 with client certificates. Each test gets
 * fresh keys: an active one, another active one, and a Pre-Active ("disabled") one.
 */
class KmipConformanceTest extends RootKeyConformance {

    @TempDir
    static Path dir;
    static KmipFixture kmip;

    private final String keyId;
    private final String otherId;
    private final String preActiveId;
    private SilentServer silent;

    KmipConformanceTest() {
        keyId = kmip.createKey(true);
        otherId = kmip.createKey(true);
        preActiveId = kmip.createKey(false);
    }

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
    void stopSilent() throws IOException {
        if (silent != null) {
            silent.close();
        }
    }

    private RootKey open(String id, Map<String, String> changes) {
        return new KmipRootKeyProvider().open(kmip.ref(id, changes), services);
    }

    @Override
    protected RootKey openKey() {
        return open(keyId, Map.of());
    }

    @Override
    protected RootKey openOtherKey() {
        return open(otherId, Map.of());
    }

    @Override
    protected RootKey openDisabledKey() {
        return open(preActiveId, Map.of());
    }

    @Override
    protected RootKey openUnreachableKey() {
        try {
            return open(keyId, Map.of("port", Integer.toString(PyKmipServer.freePort())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Optional<RootKey> openHangingKey(Duration timeout) {
        try {
            silent = new SilentServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(open(keyId, Map.of("port", Integer.toString(silent.port()),
                "timeout-ms", Long.toString(timeout.toMillis()))));
    }

    @Override
    protected Optional<Runnable> disabler() {
        return Optional.of(() -> kmip.revoke(keyId));
    }

    @Override
    protected List<String> configuredSecrets() {
        try {
            return List.of(kmip.clientKeySecret());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
