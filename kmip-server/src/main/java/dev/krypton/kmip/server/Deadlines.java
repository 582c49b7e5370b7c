package dev.krypton.kmip.server;

import dev.krypton.kmip.server.ConnectionMetrics.Refusal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Deadlines in total elapsed time for the handshakes and requests of a listener. A socket read
 * time-out ({@code setSoTimeout}) restarts with every byte, so a peer sending one byte just
 * within it keeps a connection forever; and the reads of a TLS handshake happen inside
 * {@code startHandshake()}, out of the caller's reach. Here one timer thread looks at every armed
 * deadline each {@link #TICK} and runs the expiry action of those past due, which closes the
 * socket (or interrupts the thread blocked on it): that unblocks the reader wherever it is.
 *
 * <p>Arming and disarming are a write of an atomic long: the request path takes no lock and
 * schedules nothing. A deadline is enforced within one tick of its due time.
 */
final class Deadlines implements AutoCloseable {

    /** How often due deadlines are looked for: the precision of every deadline. */
    static final Duration TICK = Duration.ofMillis(250);
    private static final long DISARMED = Long.MIN_VALUE;
    private static final long EXPIRED = Long.MIN_VALUE + 1;

    private final Set<Deadline> watched = ConcurrentHashMap.newKeySet();
    private final List<Runnable> ticks = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;

    Deadlines(String name) {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name).daemon().factory());
        timer.scheduleWithFixedDelay(() -> {
            sweep();
            ticks.forEach(Runnable::run);
        }, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Also runs {@code task} on every tick (such as writing pending refusal counts). */
    void onTick(Runnable task) {
        ticks.add(task);
    }

    /** A disarmed deadline that runs {@code onExpiry} (with the reason it was armed for) once, when it passes. */
    Deadline watch(Consumer<Refusal> onExpiry) {
        Deadline d = new Deadline(onExpiry);
        watched.add(d);
        return d;
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Deadline d : watched) {
            d.expireIfDue(now);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One connection's (or exchange's) deadline; {@link #close()} stops watching it. */
    final class Deadline implements AutoCloseable {
        private final AtomicLong due = new AtomicLong(DISARMED);
        private final Consumer<Refusal> onExpiry;
        private volatile Refusal reason = Refusal.REQUEST_TIMEOUT;

        private Deadline(Consumer<Refusal> onExpiry) {
            this.onExpiry = onExpiry;
        }

        /** Due {@code after} from now; false when it has already expired. */
        boolean arm(Duration after, Refusal why) {
            reason = why;
            long at = System.nanoTime() + after.toNanos();
            if (at == DISARMED || at == EXPIRED) {
                at += 2;
            }
            return set(at);
        }

        /** Not due any more; false when it expired first (its action has run or is running). */
        boolean disarm() {
            return set(DISARMED);
        }

        boolean expired() {
            return due.get() == EXPIRED;
        }

        private boolean set(long value) {
            while (true) {
                long current = due.get();
                if (current == EXPIRED) {
                    return false;
                }
                if (due.compareAndSet(current, value)) {
                    return true;
                }
            }
        }

        private void expireIfDue(long now) {
            long at = due.get();
            if (at != DISARMED && at != EXPIRED && now - at >= 0 && due.compareAndSet(at, EXPIRED)) {
                onExpiry.accept(reason);
            }
        }

        @Override
        public void close() {
            watched.remove(this);
        }
    }
}
