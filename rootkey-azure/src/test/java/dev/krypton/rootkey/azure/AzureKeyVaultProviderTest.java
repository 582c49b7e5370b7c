package dev.krypton.rootkey.azure;

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

/** Key Vault specifics: versions from kid, pinned versions, status mapping, configuration. */
class AzureKeyVaultProviderTest {

    private static final String TOKEN = AzureKeyVaultConformanceTest.TOKEN;
    private static final WrapContext CTX = new WrapContext("tenant-a", "westeurope");
    private final SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults());
    private final KeyServices services = new KeyServices(memory, CryptoEngines.select());
    private final FakeKeyVault vault;
    private final String firstVersion;

    AzureKeyVaultProviderTest() throws IOException {
        vault = new FakeKeyVault();
        firstVersion = vault.keys.rotate("k");
        vault.allow(TOKEN, "k");
    }

    @AfterEach
    void stop() {
        memory.close();
        vault.close();
    }

    private RootKey open(String version) {
        return AzureKeyVaultConformanceTest.open(services, "k", version, vault.url().toString(), 10_000);
    }

    @Test
    void blobsRecordTheKidVersionAndUnwrapWithItAfterRotation() {
        try (RootKey key = open("")) {
            KeyHandle l2 = memory.random(32);
            RootKeyBlob old = key.wrap(l2, CTX);
            assertThat(old.keyVersion()).isEqualTo(firstVersion);
            String second = vault.keys.rotate("k");
            assertThat(key.wrap(l2, CTX).keyVersion()).isEqualTo(second);
            assertThat(LeakWatch.sameKey(l2, key.unwrap(old, CTX))).isTrue();
        }
        try (RootKey pinned = open(firstVersion)) {
            assertThat(pinned.wrap(memory.random(32), CTX).keyVersion()).isEqualTo(firstVersion);
        }
    }

    @ParameterizedTest
    @CsvSource({"403, Forbidden, DENIED", "404, KeyNotFound, DENIED", "400, BadParameter, DENIED",
            "401, Unauthorized, UNAVAILABLE", "429, Throttled, UNAVAILABLE", "500, InternalServerError, UNAVAILABLE",
            "503, ServiceUnavailable, UNAVAILABLE"})
    void statusesAreClassified(int status, String code, Failure expected) {
        vault.force(status, code);
        try (RootKey key = open("")) {
            assertThatThrownBy(() -> key.probe(CTX)).isInstanceOfSatisfying(RootKeyException.class, e -> {
                assertThat(e.failure()).isEqualTo(expected);
                assertThat(e.getMessage()).contains(code);
            });
        }
    }

    @Test
    void configurationIsChecked() {
        assertThatThrownBy(() -> new AzureKeyVaultProvider().open(RootKeyRef.of(AzureKeyVaultProvider.NAME, "k",
                Map.of("vault-url", "https://v", "token-env", "T", "algorithm", "RSA1_5")), services))
                .hasMessageContaining("algorithm");
        assertThatThrownBy(() -> new AzureKeyVaultProvider().open(RootKeyRef.of(AzureKeyVaultProvider.NAME, "k/../x",
                Map.of("vault-url", "https://v", "token-env", "T")), services)).hasMessageContaining("key name");
        assertThatThrownBy(() -> new AzureKeyVaultProvider().open(RootKeyRef.of(AzureKeyVaultProvider.NAME, "k",
                Map.of("vault-url", "https://v", "token", "t")), services)).hasMessageContaining("must not be given in clear");
        assertThatThrownBy(() -> new AzureKeyVaultProvider().open(RootKeyRef.of(AzureKeyVaultProvider.NAME, "k",
                Map.of("vault-url", "https://v", "token-env", "T", "ca-file", "/nonexistent/ca.pem")), services))
                .hasMessageContaining("CA file");
    }
}
