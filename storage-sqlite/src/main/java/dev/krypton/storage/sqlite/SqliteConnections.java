package dev.krypton.storage.sqlite;

import dev.krypton.storage.jdbc.SqlConnections;
import dev.krypton.storage.jdbc.SqlWork;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * One writer connection (SQLite allows one writer at a time anyway) guarded by a lock, and a small
 * pool of reader connections that WAL lets run beside the writer.
 *
 * <p><b>Durability.</b> Every connection uses {@code journal_mode=WAL} and
 * {@code synchronous=FULL}. In WAL mode, {@code NORMAL} syncs only at checkpoints, so a power cut
 * may roll back the last commits that were already acknowledged; {@code FULL} fsyncs the WAL at
 * every commit before the commit returns, so an acknowledged write survives a power cut (as long
 * as the disk honours fsync). The cost is one fsync per write transaction. Writers begin
 * {@code IMMEDIATE} so they take the write lock up front and wait up to the busy timeout for
 * another process instead of failing half-way.
 *
 * <p><b>Secure delete.</b> Every connection sets {@code secure_delete=ON}: SQLite then overwrites
 * deleted and replaced content with zeros, in the page and on pages it frees, instead of leaving it
 * in free space where a copy of the file would keep it. The write-ahead log still holds the older
 * page images until a checkpoint truncates it ({@link SqliteDialect#clearShredded}).
 */
final class SqliteConnections implements SqlConnections {

    private final ReentrantLock writeLock = new ReentrantLock();
    private final Connection writer;
    private final BlockingQueue<Connection> readers;
    private final List<Connection> all = new ArrayList<>();

    private SqliteConnections(Connection writer, List<Connection> readerList) {
        this.writer = writer;
        this.readers = new ArrayBlockingQueue<>(readerList.size(), false, readerList);
        all.add(writer);
        all.addAll(readerList);
    }

    static SqliteConnections open(Path file, int busyMillis, int readerCount, SqliteDialect dialect) {
        List<Connection> opened = new ArrayList<>();
        try {
            Connection writer = connect(file, busyMillis, SQLiteConfig.TransactionMode.IMMEDIATE);
            opened.add(writer);
            List<Connection> readerList = new ArrayList<>();
            for (int i = 0; i < readerCount; i++) {
                Connection reader = connect(file, busyMillis, SQLiteConfig.TransactionMode.DEFERRED);
                opened.add(reader);
                readerList.add(reader);
            }
            return new SqliteConnections(writer, readerList);
        } catch (SQLException e) {
            opened.forEach(SqliteConnections::closeQuietly);
            throw dialect.describe(e, "open the database");
        }
    }

    private static Connection connect(Path file, int busyMillis, SQLiteConfig.TransactionMode mode) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(busyMillis);
        config.setTransactionMode(mode);
        config.enforceForeignKeys(false);
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
    }

    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        Connection c;
        try {
            c = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a reader", e);
        }
        try {
            return work.run(c);
        } finally {
            readers.add(c);
        }
    }

    @Override
    public <T> T transaction(SqlWork<T> work) throws SQLException {
        writeLock.lock();
        try {
            writer.setAutoCommit(false);
            try {
                T result = work.run(writer);
                writer.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(writer, e);
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            all.forEach(SqliteConnections::closeQuietly);
        } finally {
            writeLock.unlock();
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // closing a connection that failed is best effort; the store is going away
        }
    }
}
