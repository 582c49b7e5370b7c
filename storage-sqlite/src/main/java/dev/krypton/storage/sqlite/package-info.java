/**
 * The embedded default storage backend {@code sqlite}: one database file, WAL journal,
 * {@code synchronous=FULL}, schema migrations, one writer and a few readers per process, other
 * processes coordinated by SQLite's file locks.
 */
package dev.krypton.storage.sqlite;
