package dev.krypton.rootkey.aws;

import dev.krypton.rootkey.KeyServices;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.tck.RootKeyConformance;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/** The conformance kit against {@link FakeKmsServer}, a local server speaking KMS's JSON 1.1 protocol. */
class AwsKmsConformanceTest extends RootKeyConformance {

    static final String ACCESS_KEY_ID = "AKIAKRYPTONTEST00001";
    static final String SECRET = "kRyPtOnTeStSeCrEt/never+printed+0000000000";
    static final String KEY = "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String OTHER = "arn:aws:kms:eu-central-1:111122223333:key/0987dcba-09fe-87dc-65ba-ab0987654321";
    static final String DISABLED = "arn:aws:kms:eu-central-1:111122223333:key/disabled-0000-0000-0000-000000000000";

    private final FakeKmsServer server;

    AwsKmsConformanceTest() throws IOException {
        server = new FakeKmsServer(ACCESS_KEY_ID);
        server.keys.create(KEY);
        server.keys.create(OTHER);
        server.keys.create(DISABLED);
        server.keys.setState(DISABLED, KmsKeys.State.DISABLED);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static RootKey open(KeyServices services, String arn, String endpoint, long timeoutMs) {
        Map<String, String> access = new HashMap<>();
        access.put("endpoint", endpoint);
        access.put("access-key-id", ACCESS_KEY_ID);
        access.put("secret-access-key-env", "KRYPTON_TEST_AWS_SECRET");
        access.put("timeout-ms", Long.toString(timeoutMs));
        return new AwsKmsProvider(Map.of("KRYPTON_TEST_AWS_SECRET", SECRET)::get)
                .open(RootKeyRef.of(AwsKmsProvider.NAME, arn, access), services);
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
        return Optional.of(() -> server.keys.setState(KEY, KmsKeys.State.DISABLED));
    }

    @Override
    protected List<String> configuredSecrets() {
        return List.of(SECRET);
    }
}
