package dev.krypton.storage.postgres;

import dev.krypton.storage.StorageConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A database of its own for this test JVM ({@code krypton_test_<random>} on the local PostgreSQL,
 * created on first use, dropped at exit) so parallel builds never collide; each store gets a fresh
 * schema inside it.
 */
final class TestDatabase {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static final String NAME = "krypton_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static boolean created;

    private TestDatabase() {
    }

    /** A configuration of a new, empty store in a fresh schema. */
    static StorageConfig newStore() {
        return config(Map.of("schema", "s" + SCHEMAS.incrementAndGet()));
    }

    /** The test database's configuration with extra or overriding settings. */
    static synchronized StorageConfig config(Map<String, String> extra) {
        if (!created) {
            admin("CREATE DATABASE " + NAME);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> admin("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)")));
            created = true;
        }
        Map<String, String> settings = new TreeMap<>(Map.of("url", SERVER + NAME, "user", "postgres", "sslmode", "disable",
                "pool-size", "4"));
        settings.putAll(extra);
        return new StorageConfig("postgres", settings);
    }

    /** Runs a statement on the {@code postgres} maintenance database. */
    static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 refused: " + sql, e);
        }
    }
}
