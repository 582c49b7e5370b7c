package dev.krypton.rootkey.vault;

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
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Transit specifics: key versions, error mapping, token sources, request shape. */
class VaultTransitProviderTest {

    private static final WrapContext CTX = new WrapContext("tenant-a", "eu");
    private final SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults());
    private final KeyServices services = new KeyServices(memory, CryptoEngines.select());
    private final FakeTransitServer server;

    VaultTransitProviderTest() throws IOException {
        server = new FakeTransitServer();
        server.keys.create("k");
        server.allow("env-token", "k");
    }

    @AfterEach
    void stop() {
        memory.close();
        server.close();
    }

    private RootKey open(String version, Map<String, String> extra) {
        Map<String, String> access = new HashMap<>(Map.of("address", server.address().toString(),
                "token-env", "VAULT_TOKEN_FOR_TEST"));
        access.putAll(extra);
        return new VaultTransitProvider(Map.of("VAULT_TOKEN_FOR_TEST", "env-token")::get)
                .open(new RootKeyRef(VaultTransitProvider.NAME, "k", version, access), services);
    }

    @Test
    void rotationKeepsOldBlobsUnwrappableAndNewBlobsRecordTheNewVersion() {
        try (RootKey key = open("", Map.of())) {
            KeyHandle l2 = memory.random(32);
            RootKeyBlob v1 = key.wrap(l2, CTX);
            server.keys.rotate("k");
            RootKeyBlob v2 = key.wrap(l2, CTX);
            assertThat(v1.keyVersion()).isEqualTo("1");
            assertThat(v2.keyVersion()).isEqualTo("2");
            assertThat(new String(v2.ciphertext())).startsWith("vault:v2:");
            assertThat(LeakWatch.sameKey(l2, key.unwrap(v1, CTX))).isTrue();
            server.keys.minDecryptionVersion("k", 2);
            assertThatThrownBy(() -> key.unwrap(v1, CTX)).isInstanceOfSatisfying(RootKeyException.class,
                    e -> assertThat(e.getMessage()).contains("disallowed by policy"));
        }
    }

    @Test
    void pinnedKeyVersionIsSentAndRecorded() {
        server.keys.rotate("k");
        try (RootKey key = open("1", Map.of())) {
            assertThat(key.wrap(memory.random(32), CTX).keyVersion()).isEqualTo("1");
            assertThat(server.requests.getLast()).containsEntry("key_version", "1");
        }
    }

    @Test
    void blobWhoseVersionDisagreesWithItsCiphertextIsDeniedWithoutACall() {
        try (RootKey key = open("", Map.of())) {
            RootKeyBlob blob = key.wrap(memory.random(32), CTX);
            int before = server.requests.size();
            RootKeyBlob lying = new RootKeyBlob(blob.provider(), blob.keyId(), "7", blob.mechanism(), blob.ciphertext());
            assertThatThrownBy(() -> key.unwrap(lying, CTX)).isInstanceOf(RootKeyException.class);
            assertThat(server.requests).hasSize(before);
        }
    }

    @ParameterizedTest
    @CsvSource({"503, UNAVAILABLE", "500, UNAVAILABLE", "502, UNAVAILABLE", "429, UNAVAILABLE", "412, UNAVAILABLE",
            "400, DENIED", "403, DENIED", "404, DENIED", "401, DENIED"})
    void httpStatusesAreClassified(int status, Failure expected) {
        server.forceStatus(status);
        try (RootKey key = open("", Map.of())) {
            assertThatThrownBy(() -> key.probe(CTX)).isInstanceOfSatisfying(RootKeyException.class, e -> {
                assertThat(e.failure()).isEqualTo(expected);
                assertThat(e.getMessage()).contains("HTTP " + status);
            });
        }
    }

    @Test
    void requestCarriesContextAndNamespace() {
        try (RootKey key = open("", Map.of("namespace", "team-a"))) {
            key.probe(CTX);
        }
        Map<String, String> request = server.requests.getFirst();
        assertThat(request).containsEntry("$path", "/v1/transit/encrypt/k").containsEntry("$namespace", "team-a");
        assertThat(Base64.getDecoder().decode(request.get("context"))).isEqualTo(CTX.aad());
    }

    @Test
    void tokenInClearAndBadConfigurationAreRefused() {
        assertThatThrownBy(() -> open("", Map.of("token", "hvs.x"))).hasMessageContaining("must not be given in clear");
        assertThatThrownBy(() -> open("", Map.of("timeout-ms", "0"))).hasMessageContaining("timeout-ms");
        assertThatThrownBy(() -> open("", Map.of("colour", "blue"))).hasMessageContaining("unknown access metadata");
        assertThatThrownBy(() -> new VaultTransitProvider().open(RootKeyRef.of(VaultTransitProvider.NAME, "../sys",
                Map.of("address", "http://x", "token-env", "T")), services)).hasMessageContaining("key name");
    }
}
