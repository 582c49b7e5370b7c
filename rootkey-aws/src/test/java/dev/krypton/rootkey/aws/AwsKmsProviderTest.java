package dev.krypton.rootkey.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.crypto.CryptoEngines;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.rootkey.Failure;
import dev.krypton.rootkey.KeyServices;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyBlob;
import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.WrapContext;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** AWS specifics: EncryptionContext on the wire, KMS error codes, key states, configuration. */
class AwsKmsProviderTest {

    private static final String KEY = AwsKmsConformanceTest.KEY;
    private static final WrapContext CTX = new WrapContext("tenant-a", "eu-central-1");
    private final SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults());
    private final KeyServices services = new KeyServices(memory, CryptoEngines.select());
    private final FakeKmsServer server;

    AwsKmsProviderTest() throws IOException {
        server = new FakeKmsServer(AwsKmsConformanceTest.ACCESS_KEY_ID);
        server.keys.create(KEY);
    }

    @AfterEach
    void stop() {
        memory.close();
        server.close();
    }

    private RootKey open() {
        return AwsKmsConformanceTest.open(services, KEY, server.endpoint().toString(), 10_000);
    }

    @Test
    void encryptionContextCarriesTenantAndRegionAndDecryptNamesTheKey() {
        try (RootKey key = open()) {
            RootKeyBlob blob = key.wrap(memory.random(32), CTX);
            assertThat(server.lastContext()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("tenant", "tenant-a", "region", "eu-central-1"));
            key.unwrap(blob, CTX).wipe();
            assertThat(server.requests.getLast().path("KeyId").asText()).isEqualTo(KEY);
            assertThat(blob.mechanism()).isEqualTo("SYMMETRIC_DEFAULT");
        }
    }

    @Test
    void pendingDeletionAndRevokedAccessAreDenied() {
        try (RootKey key = open()) {
            RootKeyBlob blob = key.wrap(memory.random(32), CTX);
            server.keys.setState(KEY, KmsKeys.State.PENDING_DELETION);
            assertDenied(() -> key.unwrap(blob, CTX), "KMSInvalidStateException");
            server.keys.setState(KEY, KmsKeys.State.DENIED_TO_CALLER);
            assertDenied(() -> key.probe(CTX), "AccessDeniedException");
        }
    }

    @ParameterizedTest
    @CsvSource({"400, ThrottlingException, UNAVAILABLE", "500, KMSInternalException, UNAVAILABLE",
            "500, KeyUnavailableException, UNAVAILABLE", "500, DependencyTimeoutException, UNAVAILABLE",
            "503, ServiceUnavailable, UNAVAILABLE", "400, LimitExceededException, UNAVAILABLE",
            "400, NotFoundException, DENIED", "400, DisabledException, DENIED", "400, InvalidCiphertextException, DENIED",
            "400, IncorrectKeyException, DENIED", "400, KMSInvalidStateException, DENIED", "400, AccessDeniedException, DENIED"})
    void errorCodesAreClassified(int status, String type, Failure expected) {
        server.force(status, type);
        try (RootKey key = open()) {
            assertThatThrownBy(() -> key.probe(CTX)).isInstanceOfSatisfying(RootKeyException.class, e -> {
                assertThat(e.failure()).isEqualTo(expected);
                assertThat(e.getMessage()).contains(type);
            });
        }
    }

    @Test
    void wrongCredentialsAreDenied() {
        try (RootKey key = new AwsKmsProvider(Map.of("S", "x")::get).open(RootKeyRef.of(AwsKmsProvider.NAME, KEY,
                Map.of("endpoint", server.endpoint().toString(), "access-key-id", "AKIAOTHER", "secret-access-key-env", "S")), services)) {
            assertDenied(() -> key.probe(CTX), "UnrecognizedClientException");
        }
    }

    @Test
    void configurationIsChecked() {
        Map<String, String> clear = Map.of("access-key-id", "A", "secret-access-key", "s");
        assertThatThrownBy(() -> new AwsKmsProvider().open(RootKeyRef.of(AwsKmsProvider.NAME, KEY, clear), services))
                .hasMessageContaining("must not be given in clear");
        assertThatThrownBy(() -> new AwsKmsProvider().open(RootKeyRef.of(AwsKmsProvider.NAME, "alias/x", Map.of()), services))
                .hasMessageContaining("no 'region'");
        assertThatThrownBy(() -> new AwsKmsProvider().open(RootKeyRef.of(AwsKmsProvider.NAME, KEY,
                Map.of("secret-access-key-env", "S")), services)).hasMessageContaining("needs 'access-key-id'");
    }

    private static void assertDenied(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RootKeyException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.DENIED);
            assertThat(e.getMessage()).contains(code);
        });
    }
}
