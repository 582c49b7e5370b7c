package dev.krypton.storage.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on one JDBC connection. */
@FunctionalInterface
public interface SqlWork<T> {

    /** Runs against {@code connection}; vendor errors propagate as {@link SQLException}. */
    T run(Connection connection) throws SQLException;
}
