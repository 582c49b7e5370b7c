package dev.krypton.rootkey.azure;

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

/** The kit against {@link FakeKeyVault}, a local server speaking Key Vault's REST key operations. */
class AzureKeyVaultConformanceTest extends RootKeyConformance {

    static final String TOKEN = "eyJ0eXAiOiJKV1Qi.krypton-test-access-token.never-printed";

    private final FakeKeyVault vault;

    AzureKeyVaultConformanceTest() throws IOException {
        vault = new FakeKeyVault();
        for (String key : List.of("tenant-root", "other-root", "disabled-root")) {
            vault.keys.rotate(key);
        }
        vault.keys.setEnabled("disabled-root", false);
        vault.allow(TOKEN, "tenant-root", "other-root", "disabled-root");
    }

    @AfterEach
    void stop() {
        vault.close();
    }

    static RootKey open(KeyServices services, String key, String version, String url, long timeoutMs) {
        return new AzureKeyVaultProvider(Map.of("AZ_TOKEN", TOKEN)::get).open(new RootKeyRef(AzureKeyVaultProvider.NAME, key,
                version, Map.of("vault-url", url, "token-env", "AZ_TOKEN", "timeout-ms", Long.toString(timeoutMs))), services);
    }

    @Override
    protected RootKey openKey() {
        return open(services, "tenant-root", "", vault.url().toString(), 10_000);
    }

    @Override
    protected RootKey openOtherKey() {
        return open(services, "other-root", "", vault.url().toString(), 10_000);
    }

    @Override
    protected RootKey openDisabledKey() {
        return open(services, "disabled-root", "", vault.url().toString(), 10_000);
    }

    @Override
    protected RootKey openUnreachableKey() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return open(services, "tenant-root", "", "http://127.0.0.1:" + socket.getLocalPort(), 10_000);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Optional<RootKey> openHangingKey(Duration timeout) {
        vault.hang();
        return Optional.of(open(services, "tenant-root", "", vault.url().toString(), timeout.toMillis()));
    }

    @Override
    protected Optional<Runnable> disabler() {
        return Optional.of(() -> vault.keys.setEnabled("tenant-root", false));
    }

    @Override
    protected List<String> configuredSecrets() {
        return List.of(TOKEN);
    }
}
