package dev.krypton.rootkey.gcp;

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
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cloud KMS specifics: versions, google.rpc status mapping, configuration. */
class GcpKmsProviderTest {

    private static final String KEY = GcpKmsConformanceTest.KEY;
    private static final WrapContext CTX = new WrapContext("tenant-a", "europe-west3");
    private final SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults());
    private final KeyServices services = new KeyServices(memory, CryptoEngines.select());
    private final FakeCloudKms server;

    GcpKmsProviderTest() throws IOException {
        server = new FakeCloudKms();
        server.keys.create(KEY);
        server.allow(GcpKmsConformanceTest.TOKEN, KEY);
    }

    @AfterEach
    void stop() {
        memory.close();
        server.close();
    }

    private RootKey open() {
        return GcpKmsConformanceTest.open(services, KEY, server.endpoint().toString(), 10_000);
    }

    @Test
    void newPrimaryVersionIsRecordedAndDisablingAnOldVersionDeniesItsBlobs() {
        try (RootKey key = open()) {
            KeyHandle l2 = memory.random(32);
            RootKeyBlob v1 = key.wrap(l2, CTX);
            server.keys.create(KEY);
            RootKeyBlob v2 = key.wrap(l2, CTX);
            assertThat(v1.keyVersion()).isEqualTo("1");
            assertThat(v2.keyVersion()).isEqualTo("2");
            assertThat(LeakWatch.sameKey(l2, key.unwrap(v1, CTX))).isTrue();
            server.keys.setState(KEY, 1, CloudKeys.State.DESTROYED);
            assertThatThrownBy(() -> key.unwrap(v1, CTX)).isInstanceOfSatisfying(RootKeyException.class, e -> {
                assertThat(e.isDenied()).isTrue();
                assertThat(e.getMessage()).contains("FAILED_PRECONDITION");
            });
            assertThat(LeakWatch.sameKey(l2, key.unwrap(v2, CTX))).isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource({"403, PERMISSION_DENIED, DENIED", "404, NOT_FOUND, DENIED", "400, FAILED_PRECONDITION, DENIED",
            "400, INVALID_ARGUMENT, DENIED", "401, UNAUTHENTICATED, UNAVAILABLE", "429, RESOURCE_EXHAUSTED, UNAVAILABLE",
            "503, UNAVAILABLE, UNAVAILABLE", "504, DEADLINE_EXCEEDED, UNAVAILABLE", "500, INTERNAL, UNAVAILABLE"})
    void rpcStatusesAreClassified(int code, String status, Failure expected) {
        server.force(code, status);
        try (RootKey key = open()) {
            assertThatThrownBy(() -> key.probe(CTX)).isInstanceOfSatisfying(RootKeyException.class, e -> {
                assertThat(e.failure()).isEqualTo(expected);
                assertThat(e.getMessage()).contains(status);
            });
        }
    }

    @Test
    void configurationIsChecked() {
        assertThatThrownBy(() -> new GcpKmsProvider().open(RootKeyRef.of(GcpKmsProvider.NAME, "keys/../x",
                Map.of("token-env", "T")), services)).hasMessageContaining("key id must be");
        assertThatThrownBy(() -> new GcpKmsProvider().open(RootKeyRef.of(GcpKmsProvider.NAME, KEY,
                Map.of("token", "ya29.x")), services)).hasMessageContaining("must not be given in clear");
        assertThatThrownBy(() -> new GcpKmsProvider().open(RootKeyRef.of(GcpKmsProvider.NAME, KEY,
                Map.of("token-env", "T", "ca-file", "/nonexistent/ca.pem")), services)).hasMessageContaining("CA file");
    }
}
