package dev.krypton.kmip.client;

import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A small pool of {@link KmipConnection}s: at most {@code maxConnections} open at once, idle ones
 * reused, broken ones dropped. A caller holds a connection for one exchange (one message or one
 * pipelined run), so responses never interleave.
 */
final class ConnectionPool implements AutoCloseable {
    private final ClientConfig config;
    private final Semaphore permits;
    private final Deque<KmipConnection> idle = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean closed;

    ConnectionPool(ClientConfig config) {
        this.config = config;
        this.permits = new Semaphore(config.maxConnections(), true);
    }

    /** Borrows a connection, opening one if none is idle; waits at most the read timeout for a slot. */
    KmipConnection borrow() {
        try {
            if (!permits.tryAcquire(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new KmipException(ResultReason.GENERAL_FAILURE, "no free KMIP connection within the read timeout");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KmipException(ResultReason.GENERAL_FAILURE, "interrupted while waiting for a KMIP connection", e);
        }
        try {
            ensureOpen();
            KmipConnection reused = pollIdle();
            return reused != null ? reused : KmipConnection.open(config);
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Returns a borrowed connection; broken ones are closed instead of kept. */
    void release(KmipConnection connection) {
        try {
            if (connection.isBroken() || closed) {
                connection.close();
            } else {
                lock.lock();
                try {
                    idle.push(connection);
                } finally {
                    lock.unlock();
                }
            }
        } finally {
            permits.release();
        }
    }

    /** Number of idle connections kept for reuse. */
    int idleCount() {
        lock.lock();
        try {
            return idle.size();
        } finally {
            lock.unlock();
        }
    }

    private KmipConnection pollIdle() {
        lock.lock();
        try {
            KmipConnection c;
            while ((c = idle.poll()) != null && c.isBroken()) {
                c.close();
            }
            return c;
        } finally {
            lock.unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new KmipException(ResultReason.GENERAL_FAILURE, "KMIP client is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
        lock.lock();
        try {
            idle.forEach(KmipConnection::close);
            idle.clear();
        } finally {
            lock.unlock();
        }
    }
}
