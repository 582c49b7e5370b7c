package dev.krypton.engine;

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
 * A PostgreSQL database of this test JVM's own ({@code krypton_engine_<random>} on 127.0.0.1:5432,
 * dropped at exit) so parallel builds never collide; each cluster gets a fresh schema in it.
 */
final class PgDatabase {

    static final String HOST = "127.0.0.1";
    static final int PORT = 5432;
    private static final String NAME = "krypton_engine_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static boolean created;

    private PgDatabase() {
    }

    /** A fresh schema name. */
    static String newSchema() {
        return "c" + SCHEMAS.incrementAndGet();
    }

    /** The store in {@code schema}, reached through {@code host:port} (a proxy, or the server itself). */
    static synchronized StorageConfig store(String schema, String host, int port) {
        if (!created) {
            admin("CREATE DATABASE " + NAME);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> admin("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)")));
            created = true;
        }
        return new StorageConfig("postgres", new TreeMap<>(Map.of("url", "jdbc:postgresql://" + host + ":" + port + "/" + NAME,
                "user", "postgres", "sslmode", "disable", "schema", schema, "pool-size", "4", "retry-ms", "500",
                "connect-timeout-ms", "1000")));
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 refused: " + sql, e);
        }
    }
}
