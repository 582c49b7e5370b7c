/**
 * Support for SQL backends: one implementation of the storage rules over JDBC that the SQLite and
 * PostgreSQL backends share, parameterised by a {@link dev.krypton.storage.jdbc.SqlDialect} (schema,
 * error classification, notification hook) and {@link dev.krypton.storage.jdbc.SqlConnections}
 * (how connections and transactions are obtained). JDK only ({@code java.sql}).
 */
package dev.krypton.storage.jdbc;
