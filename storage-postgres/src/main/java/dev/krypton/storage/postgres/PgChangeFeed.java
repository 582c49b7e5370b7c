package dev.krypton.storage.postgres;

import dev.krypton.storage.ChangeFeed;
import dev.krypton.storage.TenantChange;
import dev.krypton.storage.TenantRecord;
import dev.krypton.storage.TenantState;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The LISTEN/NOTIFY change feed. Writers NOTIFY inside their transaction, so a notice is sent
 * exactly when the change commits. One dedicated connection (outside the pool) LISTENs on a
 * named thread, probing it with {@code SELECT 1} after 10 s of silence; if it breaks (server
 * restart, network, a probe timing out), the thread reconnects with back-off and,
 * because notices sent meanwhile are lost, tells every listener to resynchronise.
 */
final class PgChangeFeed implements ChangeFeed {

    private static final long PROBE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final PostgresSettings settings;
    private final String channel;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstListen = new CountDownLatch(1);
    private volatile boolean closed;
    private volatile Connection connection;
    private Thread thread;

    PgChangeFeed(PostgresSettings settings, String channel) {
        this.settings = settings;
        this.channel = channel;
    }

    @Override
    public Subscription subscribe(Listener listener) {
        listeners.add(listener);
        synchronized (this) {
            if (thread == null && !closed) {
                thread = Thread.ofPlatform().daemon().name("krypton-storage-listen-" + settings.schema()).start(this::run);
            }
        }
        try {
            firstListen.await(settings.connectTimeoutMs(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return () -> listeners.remove(listener);
    }

    /**
     * The listen connection's properties: a socket timeout, so that the probe sent after
     * {@link #PROBE_AFTER_NANOS} of silence detects a silently dead (half-open) connection.
     */
    private java.util.Properties listenProperties() {
        java.util.Properties p = settings.driverProperties();
        p.setProperty("socketTimeout", "30");
        return p;
    }

    /** The backend process id of the listening connection, for tests that break it; -1 if none. */
    int listenerPid() {
        Connection c = connection;
        try {
            return c == null ? -1 : c.unwrap(PGConnection.class).getBackendPID();
        } catch (SQLException e) {
            return -1;
        }
    }

    private void run() {
        boolean missedSome = false;
        for (int attempt = 0; !closed; attempt++) {
            try (Connection c = DriverManager.getConnection(settings.url(), listenProperties());
                 Statement s = c.createStatement()) {
                s.execute("LISTEN " + channel);
                connection = c;
                attempt = 0;
                firstListen.countDown();
                if (missedSome) {
                    each(Listener::resynchronise);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                long quietSince = System.nanoTime();
                while (!closed) {
                    PGNotification[] notices = pg.getNotifications(500);
                    if (notices != null && notices.length > 0) {
                        quietSince = System.nanoTime();
                        for (PGNotification n : notices) {
                            deliver(n.getParameter());
                        }
                    } else if (System.nanoTime() - quietSince > PROBE_AFTER_NANOS) {
                        s.execute("SELECT 1");
                        quietSince = System.nanoTime();
                    }
                }
            } catch (SQLException e) {
                missedSome = true;
                connection = null;
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(Math.min(2_000, 50L << Math.min(attempt, 6))));
            }
        }
    }

    /**
     * The NOTIFY payload of a tenant write: {@code "<generation>:<STATE> <tenantId>"}, so a listener
     * learns the state without a read (tenant ids may contain spaces: they are the rest of the text).
     */
    static String payload(TenantRecord record) {
        return record.generation() + ":" + record.state().name() + " " + record.tenantId();
    }

    /**
     * Parses a payload of {@link #payload}, or the older {@code "<generation> <tenantId>"} (state not
     * said); empty for a payload that is not ours.
     */
    static java.util.Optional<TenantChange> parse(String payload) {
        try {
            int space = payload.indexOf(' ');
            String head = payload.substring(0, space);
            String tenant = payload.substring(space + 1);
            int colon = head.indexOf(':');
            if (colon < 0) {
                return java.util.Optional.of(new TenantChange(tenant, Long.parseLong(head)));
            }
            return java.util.Optional.of(new TenantChange(tenant, Long.parseLong(head.substring(0, colon)),
                    TenantState.valueOf(head.substring(colon + 1))));
        } catch (RuntimeException notOurs) {
            return java.util.Optional.empty();
        }
    }

    /** Delivers one notice; ignores foreign payloads and survives a failing listener. */
    private void deliver(String payload) {
        parse(payload).ifPresent(change -> each(l -> l.changed(change)));
    }

    /** Calls every listener; one that throws is reported to the thread's handler and does not stop the others. */
    private void each(java.util.function.Consumer<Listener> call) {
        for (Listener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
            }
        }
    }

    void close() {
        closed = true;
        listeners.clear();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
