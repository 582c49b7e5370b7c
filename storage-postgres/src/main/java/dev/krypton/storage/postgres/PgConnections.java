package dev.krypton.storage.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.krypton.storage.jdbc.SqlConnections;
import dev.krypton.storage.jdbc.SqlWork;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A HikariCP pool. Connections broken by a server restart are evicted by the pool (it recognises
 * SQLSTATE class 08 and 57P0x); the caller's retry then gets a fresh one.
 */
final class PgConnections implements SqlConnections {

    private final HikariDataSource pool;

    PgConnections(PostgresSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("krypton-storage-" + settings.schema());
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        if (!settings.password().isEmpty()) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(1);
        config.setConnectionTimeout(settings.connectTimeoutMs());
        config.setInitializationFailTimeout(-1);
        settings.driverProperties().forEach((k, v) -> {
            if (!k.equals("user") && !k.equals("password")) {
                config.addDataSourceProperty((String) k, v);
            }
        });
        settings.poolSocketTimeoutSeconds().ifPresent(seconds -> config.addDataSourceProperty("socketTimeout", seconds));
        this.pool = new HikariDataSource(config);
    }

    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        }
    }

    @Override
    public <T> T transaction(SqlWork<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
