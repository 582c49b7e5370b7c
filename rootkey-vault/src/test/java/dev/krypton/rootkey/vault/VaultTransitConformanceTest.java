package dev.krypton.rootkey.vault;

import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.tck.RootKeyConformance;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The conformance kit against {@link FakeTransitServer}, a local server speaking transit's wire protocol. */
class VaultTransitConformanceTest extends RootKeyConformance {

    static final String TOKEN = "hvs.CAESIJ-test-token-never-printed";

    private final FakeTransitServer server;
    private final Path tokenFile;

    VaultTransitConformanceTest(@TempDir Path dir) throws IOException {
        server = new FakeTransitServer();
        for (String key : List.of("tenant-root", "other-root", "forbidden-root")) {
            server.keys.create(key);
        }
        server.allow(TOKEN, "tenant-root", "other-root");
        tokenFile = Files.writeString(dir.resolve("token"), TOKEN + "\n");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RootKey open(String key, String address, long timeoutMs) {
        Map<String, String> access = new HashMap<>();
        access.put("address", address);
        access.put("token-file", tokenFile.toString());
        access.put("timeout-ms", Long.toString(timeoutMs));
        return new VaultTransitProvider().open(RootKeyRef.of(VaultTransitProvider.NAME, key, access), services);
    }

    @Override
    protected RootKey openKey() {
        return open("tenant-root", server.address().toString(), 10_000);
    }

    @Override
    protected RootKey openOtherKey() {
        return open("other-root", server.address().toString(), 10_000);
    }

    @Override
    protected RootKey openDisabledKey() {
        return open("forbidden-root", server.address().toString(), 10_000);
    }

    @Override
    protected RootKey openUnreachableKey() {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return open("tenant-root", "http://127.0.0.1:" + closedPort, 10_000);
    }

    @Override
    protected Optional<RootKey> openHangingKey(Duration timeout) {
        server.hang();
        return Optional.of(open("tenant-root", server.address().toString(), timeout.toMillis()));
    }

    @Override
    protected Optional<Runnable> disabler() {
        return Optional.of(() -> server.revoke(TOKEN, "tenant-root"));
    }

    @Override
    protected List<String> configuredSecrets() {
        return List.of(TOKEN);
    }
}
