package dev.krypton.rootkey.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.crypto.CryptoEngines;
import dev.krypton.crypto.KeyHandle;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.rootkey.Failure;
import dev.krypton.rootkey.KeyServices;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.WrapContext;
import dev.krypton.rootkey.tck.LeakWatch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transit over HTTPS with a private CA: trusted through ca-file, refused without it. */
class VaultTlsTest {

    private static final WrapContext CTX = WrapContext.tenant("tenant-a");
    private static final char[] STORE_PASSWORD = "changeit".toCharArray();
    private final SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults());
    private final KeyServices services = new KeyServices(memory, CryptoEngines.select());
    private static Path store;
    private static Path caFile;
    private FakeTransitServer server;

    /** keytool runs once per class: each run starts a JVM. */
    @BeforeAll
    static void certificate(@TempDir Path dir) throws IOException, InterruptedException {
        store = dir.resolve("server.p12");
        caFile = dir.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "vault", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "vault", "-keystore", store.toString(), "-storepass", "changeit",
                "-file", caFile.toString());
    }

    @BeforeEach
    void start() throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, STORE_PASSWORD);
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, STORE_PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);
        server = new FakeTransitServer(Optional.of(tls));
        server.keys.create("k");
        server.allow("tls-token", "k");
    }

    @AfterEach
    void stop() {
        server.close();
        memory.close();
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
    }

    private RootKey open(boolean withCa) {
        Map<String, String> access = new HashMap<>(Map.of("address", server.address().toString(), "token-env", "T"));
        if (withCa) {
            access.put("ca-file", caFile.toString());
        }
        return new VaultTransitProvider(Map.of("T", "tls-token")::get)
                .open(RootKeyRef.of(VaultTransitProvider.NAME, "k", access), services);
    }

    @Test
    void privateCaFromCaFileIsTrusted() {
        assertThat(server.address().getScheme()).isEqualTo("https");
        try (RootKey key = open(true)) {
            KeyHandle l2 = memory.random(32);
            assertThat(LeakWatch.sameKey(l2, key.unwrap(key.wrap(l2, CTX), CTX))).isTrue();
        }
    }

    @Test
    void unknownCaIsRefusedAsUnavailable() {
        try (RootKey key = open(false)) {
            assertThatThrownBy(() -> key.probe(CTX)).isInstanceOfSatisfying(RootKeyException.class,
                    e -> assertThat(e.failure()).isEqualTo(Failure.UNAVAILABLE));
        }
    }

    @Test
    void unreadableCaFileIsDeniedAtOpen() {
        Map<String, String> access = Map.of("address", server.address().toString(), "token-env", "T",
                "ca-file", caFile.resolveSibling("missing.pem").toString());
        assertThatThrownBy(() -> new VaultTransitProvider(Map.of("T", "x")::get)
                .open(RootKeyRef.of(VaultTransitProvider.NAME, "k", access), services))
                .isInstanceOfSatisfying(RootKeyException.class, e -> assertThat(e.isDenied()).isTrue());
    }
}
