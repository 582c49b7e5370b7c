/**
 * The cluster storage backend {@code postgres}: a HikariCP pool, schema migrations under an
 * advisory lock, compare-and-set in transactions, a LISTEN/NOTIFY change feed on a dedicated
 * connection, retries that survive a database restart, and TLS to the database.
 */
package dev.krypton.storage.postgres;
