package dev.krypton.rootkey.kmip;

import dev.krypton.kmip.State;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.tck.RootKeyConformance;
import dev.krypton.testsupport.PyKmipServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance kit in {@code mode=kwp} (AESKeyWrapPadding) against {@link KwpKmipServer}, a
 * KMIP server in the test sources, because PyKMIP refuses key-wrap modes. Default TLS settings
 * (TLS 1.3). KWP binds no context, so the tenant-binding test is skipped by the kit itself.
 */
class KwpConformanceTest extends RootKeyConformance {

    @TempDir
    static Path dir;
    static TestPki pki;
    static KwpKmipServer server;

    private final String keyId = server.create(State.ACTIVE);
    private final String otherId = server.create(State.ACTIVE);
    private final String preActiveId = server.create(State.PRE_ACTIVE);
    private SilentServer silent;

    @BeforeAll
    static void start() throws Exception {
        pki = TestPki.create(dir);
        server = new KwpKmipServer(pki);
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void stopSilent() throws IOException {
        if (silent != null) {
            silent.close();
        }
    }

    static Map<String, String> access(TestPki pki, int port) {
        Map<String, String> access = new HashMap<>();
        access.put("host", "127.0.0.1");
        access.put("port", Integer.toString(port));
        access.put("client-cert", pki.cert("client").toString());
        access.put("client-key", pki.key("client").toString());
        access.put("ca-file", pki.caCert().toString());
        access.put("mode", "kwp");
        return access;
    }

    private RootKey open(String id, int port, Map<String, String> changes) {
        Map<String, String> access = access(pki, port);
        access.putAll(changes);
        return new KmipRootKeyProvider().open(RootKeyRef.of(KmipRootKeyProvider.NAME, id, access), services);
    }

    @Override
    protected RootKey openKey() {
        return open(keyId, server.port(), Map.of());
    }

    @Override
    protected RootKey openOtherKey() {
        return open(otherId, server.port(), Map.of());
    }

    @Override
    protected RootKey openDisabledKey() {
        return open(preActiveId, server.port(), Map.of());
    }

    @Override
    protected RootKey openUnreachableKey() {
        try {
            return open(keyId, PyKmipServer.freePort(), Map.of());
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
        return Optional.of(open(keyId, silent.port(), Map.of("timeout-ms", Long.toString(timeout.toMillis()))));
    }

    @Override
    protected Optional<Runnable> disabler() {
        return Optional.of(() -> server.setState(keyId, State.DEACTIVATED));
    }

    @Override
    protected List<String> configuredSecrets() {
        try {
            return List.of(Files.readAllLines(pki.key("client")).get(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
