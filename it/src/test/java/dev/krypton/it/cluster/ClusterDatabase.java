package dev.krypton.it.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A PostgreSQL database of its own on the local server ({@code krypton_it_<random>}, user
 * {@code postgres}, trust), created by {@link #create()} and dropped by {@link #close()}, so
 * parallel builds never share state. The nodes keep their tables in schema {@link #SCHEMA}; the
 * test reads them directly to check what the cluster stored.
 */
public final class ClusterDatabase implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5432;
    public static final String SCHEMA = "krypton";
    private static final java.time.Duration RECONNECT = java.time.Duration.ofSeconds(30);

    private final String name;

    private ClusterDatabase(String name) {
        this.name = name;
    }

    public static ClusterDatabase create() {
        ClusterDatabase db = new ClusterDatabase("krypton_it_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1));
        admin("CREATE DATABASE " + db.name);
        return db;
    }

    public String name() {
        return name;
    }

    /** JDBC URL of this database through {@code host:port} (the server itself or a proxy in front of it). */
    public String url(String host, int port) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    /** The stored state of a tenant ({@code ACTIVE}, {@code UNLINKED}, ...), empty when there is no record. */
    public Optional<String> tenantState(String tenant) {
        return single("SELECT state FROM " + SCHEMA + ".tenants WHERE tenant_id=?", tenant);
    }

    /** The stored generation of a tenant. */
    public Optional<Long> tenantGeneration(String tenant) {
        return single("SELECT generation FROM " + SCHEMA + ".tenants WHERE tenant_id=?", tenant).map(Long::parseLong);
    }

    /** Whether the tenant record holds a wrapped L2. */
    public boolean hasWrappedL2(String tenant) {
        return single("SELECT octet_length(wrapped_l2) FROM " + SCHEMA + ".tenants WHERE tenant_id=?", tenant)
                .map(n -> Integer.parseInt(n) > 0).orElse(false);
    }

    /** How many entries the processed-task log holds for a task id (any etag). */
    public long taskLogEntries(String taskId) {
        return single("SELECT count(*) FROM " + SCHEMA + ".tasks WHERE task_id=?", taskId).map(Long::parseLong).orElse(0L);
    }

    /**
     * Runs a one-value query. A refused connection is retried for up to 30 s, in case the shared
     * PostgreSQL server is being restarted by someone else on the machine.
     */
    private Optional<String> single(String sql, String arg) {
        long end = System.nanoTime() + RECONNECT.toNanos();
        while (true) {
            try (Connection c = DriverManager.getConnection(url(HOST, PORT), "postgres", "");
                 PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, arg);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                boolean connection = e.getSQLState() != null && e.getSQLState().startsWith("08");
                if (!connection || System.nanoTime() > end) {
                    throw new IllegalStateException("query on " + name + " failed: " + sql, e);
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for PostgreSQL", e);
        }
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on " + HOST + ":" + PORT + " refused: " + sql, e);
        }
    }
}
