package dev.krypton.storage.postgres;

import dev.krypton.storage.StorageConfig;
import dev.krypton.storage.StorageException;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validated settings of the {@code postgres} backend.
 *
 * <ul>
 *   <li>{@code url}: {@code jdbc:postgresql://host:port/database} (required)</li>
 *   <li>{@code user}, {@code password}: credentials (user defaults to {@code krypton})</li>
 *   <li>{@code schema}: schema holding the tables, created if missing (default {@code krypton})</li>
 *   <li>{@code pool-size}: most pooled connections (default 8)</li>
 *   <li>{@code connect-timeout-ms}: how long to wait for a connection (default 5000)</li>
 *   <li>{@code retry-ms}: how long to retry transient failures such as a restart (default 30000)</li>
 *   <li>{@code socket-timeout-ms}: longest a pooled connection waits for the server's answer to one
 *       statement before pgJDBC fails it and the pool drops the connection (default 10000, whole
 *       seconds as pgJDBC counts them; 0 waits for ever). A network that silently drops packets
 *       otherwise holds a connection until TCP gives up, minutes later. KMIP requests never wait
 *       this long: the engine's request budget (half of {@code cluster.revocation-staleness})
 *       answers them first; this frees the connection behind them.</li>
 *   <li>{@code sslmode} ({@code disable, allow, prefer, require, verify-ca, verify-full}),
 *       {@code sslrootcert}, {@code sslcert}, {@code sslkey}: TLS to the database, passed to pgJDBC</li>
 * </ul>
 */
record PostgresSettings(String url, String user, String password, String schema, int poolSize, int connectTimeoutMs,
                        Duration retryFor, Properties tls, int socketTimeoutMs) {

    static final Set<String> KNOWN = Set.of("url", "user", "password", "schema", "pool-size", "connect-timeout-ms",
            "retry-ms", "sslmode", "sslrootcert", "sslcert", "sslkey", "socket-timeout-ms");
    private static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,39}");

    static PostgresSettings of(StorageConfig config) {
        config.allowOnly(KNOWN);
        String url = config.require("url");
        if (!url.startsWith("jdbc:postgresql://") || org.postgresql.Driver.parseURL(url, new Properties()) == null) {
            throw config("The PostgreSQL url must look like jdbc:postgresql://host:5432/database, not '" + url + "'.");
        }
        String schema = config.get("schema", "krypton");
        if (!SCHEMA.matcher(schema).matches()) {
            throw config("The PostgreSQL schema must be 1 to 40 lower-case letters, digits or underscores, not '" + schema + "'.");
        }
        Properties tls = new Properties();
        String mode = config.get("sslmode", "prefer");
        if (!SSL_MODES.contains(mode)) {
            throw config("The PostgreSQL sslmode must be one of disable, allow, prefer, require, verify-ca, verify-full, not '" + mode + "'.");
        }
        tls.setProperty("sslmode", mode);
        for (String key : new String[] {"sslrootcert", "sslcert", "sslkey"}) {
            String value = config.get(key, "");
            if (!value.isEmpty()) {
                tls.setProperty(key, value);
            }
        }
        return new PostgresSettings(url, config.get("user", "krypton"), config.get("password", ""), schema,
                config.getInt("pool-size", 8, 1, 200), config.getInt("connect-timeout-ms", 5000, 250, 600_000),
                Duration.ofMillis(config.getInt("retry-ms", 30_000, 0, 3_600_000)), tls,
                config.getInt("socket-timeout-ms", 10_000, 0, 3_600_000));
    }

    /**
     * pgJDBC's {@code socketTimeout} (whole seconds, at least 1) for pooled connections, or empty
     * when off. The change feed's listening connection sets its own.
     */
    java.util.Optional<String> poolSocketTimeoutSeconds() {
        return socketTimeoutMs == 0 ? java.util.Optional.empty()
                : java.util.Optional.of(Integer.toString(Math.max(1, (socketTimeoutMs + 999) / 1000)));
    }

    /** Driver properties for a direct (unpooled) connection. */
    Properties driverProperties() {
        Properties p = new Properties();
        p.putAll(tls);
        p.setProperty("user", user);
        if (!password.isEmpty()) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", Integer.toString(Math.max(1, connectTimeoutMs / 1000)));
        p.setProperty("currentSchema", schema);
        p.setProperty("ApplicationName", "krypton");
        return p;
    }

    /** Host, port and database for messages; never the password. */
    String where() {
        Properties p = org.postgresql.Driver.parseURL(url, new Properties());
        return p.getProperty("PGHOST") + ":" + p.getProperty("PGPORT") + "/" + p.getProperty("PGDBNAME");
    }

    /** The database name from the url. */
    String database() {
        return org.postgresql.Driver.parseURL(url, new Properties()).getProperty("PGDBNAME");
    }

    private static StorageException config(String message) {
        return new StorageException(StorageException.Kind.CONFIG, message);
    }

    @Override
    public String toString() {
        return "PostgresSettings[" + where() + ", user=" + user + ", schema=" + schema + "]";
    }
}
