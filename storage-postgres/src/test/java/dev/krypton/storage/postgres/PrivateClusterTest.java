package dev.krypton.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageConfig;
import dev.krypton.storage.StorageException;
import dev.krypton.storage.StorageProviders;
import dev.krypton.storage.Write;
import dev.krypton.storage.tck.Failures;
import dev.krypton.storage.tck.Fixtures;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Passwords and TLS against a real server that checks them. The shared test server trusts every
 * local connection without TLS, so these tests start a private cluster ({@link PrivateCluster}):
 * scram-sha-256 passwords and {@code hostssl} only, with a throw-away self-signed certificate.
 */
class PrivateClusterTest {

    private static PrivateCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(PrivateCluster.possible(), "needs root, openssl and the PostgreSQL server binaries to start a private cluster");
        cluster = PrivateCluster.start("right-password");
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.stop();
        }
    }

    private static StorageConfig config(String password, String... tls) {
        Map<String, String> settings = new TreeMap<>(Map.of("url", cluster.url(), "user", "postgres", "password", password));
        for (int i = 0; i < tls.length; i += 2) {
            settings.put(tls[i], tls[i + 1]);
        }
        return new StorageConfig("postgres", settings);
    }

    @Test
    void aWrongPasswordIsOneSentenceWithoutThePassword() {
        StorageException e = Failures.expect(StorageException.Kind.CONFIG,
                () -> StorageProviders.open(config("wrong-password", "sslmode", "require")));
        assertThat(e.getMessage()).isEqualTo("PostgreSQL at " + cluster.where() + " rejected the password of user 'postgres'.");
        assertThat(e.getMessage()).doesNotContain("wrong-password");
    }

    @Test
    void plainConnectionsAreRefusedByAServerThatOnlyAcceptsTls() {
        StorageException e = Failures.expect(StorageException.Kind.CONFIG,
                () -> StorageProviders.open(config("right-password", "sslmode", "disable")));
        assertThat(e.getMessage()).isEqualTo("PostgreSQL at " + cluster.where()
                + " does not let user 'postgres' connect (no such role or no access in pg_hba.conf).");
    }

    @Test
    void verifyFullWithTheRightRootCertificateWorks() {
        try (Storage store = StorageProviders.open(config("right-password", "sslmode", "verify-full",
                "sslrootcert", cluster.certificate().toString()))) {
            store.write(new Write.PutTenant(Fixtures.tenant("tls-tenant", 1), Write.ABSENT));
            assertThat(store.tenant("tls-tenant")).contains(Fixtures.tenant("tls-tenant", 1));
        }
    }

    @Test
    void anUntrustedServerCertificateIsAConfigurationError() {
        Path other = cluster.otherCertificate();
        StorageException e = Failures.expect(StorageException.Kind.CONFIG, () -> StorageProviders.open(
                config("right-password", "sslmode", "verify-full", "sslrootcert", other.toString())));
        assertThat(e.getMessage()).isEqualTo("TLS to PostgreSQL at " + cluster.where()
                + " failed verification with sslmode=verify-full (certificate not trusted or not issued for this host).");
    }
}
