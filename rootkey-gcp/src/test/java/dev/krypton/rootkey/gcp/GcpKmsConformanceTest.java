package dev.krypton.rootkey.gcp;

import dev.krypton.rootkey.KeyServices;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.tck.RootKeyConformance;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/** The kit against {@link FakeCloudKms}, a local server speaking Cloud KMS's REST protocol. */
class GcpKmsConformanceTest extends RootKeyConformance {

    static final String TOKEN = "ya29.krypton-test-access-token-never-printed";
    static final String KEY = "projects/krypton/locations/europe-west3/keyRings/tenants/cryptoKeys/root";
    static final String OTHER = "projects/krypton/locations/europe-west3/keyRings/tenants/cryptoKeys/other";
    static final String DISABLED = "projects/krypton/locations/europe-west3/keyRings/tenants/cryptoKeys/disabled";

    private final FakeCloudKms server;

    GcpKmsConformanceTest() throws IOException {
        server = new FakeCloudKms();
        for (String key : List.of(KEY, OTHER, DISABLED)) {
            server.keys.create(key);
        }
        server.keys.setState(DISABLED, 1, CloudKeys.State.DISABLED);
        server.allow(TOKEN, KEY, OTHER, DISABLED);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static RootKey open(KeyServices services, String key, String endpoint, long timeoutMs) {
        return new GcpKmsProvider(Map.of("GCP_TOKEN", TOKEN)::get).open(RootKeyRef.of(GcpKmsProvider.NAME, key,
                Map.of("endpoint", endpoint, "token-env", "GCP_TOKEN", "timeout-ms", Long.toString(timeoutMs))), services);
    }

    @Override
    protected RootKey openKey() {
        return open(services, KEY, server.endpoint().toString(), 10_000);
    }

    @Override
    protected RootKey openOtherKey() {
        return open(services, OTHER, server.endpoint().toString(), 10_000);
    }

    @Override
    protected RootKey openDisabledKey() {
        return open(services, DISABLED, server.endpoint().toString(), 10_000);
    }

    @Override
    protected RootKey openUnreachableKey() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return open(services, KEY, "http://127.0.0.1:" + socket.getLocalPort(), 10_000);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Optional<RootKey> openHangingKey(Duration timeout) {
        server.hang();
        return Optional.of(open(services, KEY, server.endpoint().toString(), timeout.toMillis()));
    }

    @Override
    protected Optional<Runnable> disabler() {
        return Optional.of(() -> server.revoke(TOKEN, KEY));
    }

    @Override
    protected List<String> configuredSecrets() {
        return List.of(TOKEN);
    }
}
