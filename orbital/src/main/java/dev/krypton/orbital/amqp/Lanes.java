package dev.krypton.orbital.amqp;

import dev.krypton.orbital.TaskKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The priority stage in front of the workers: unlink-class work goes to a queue served by one
 * dedicated platform thread of maximum priority that never runs routine work, so a backlog of link
 * tasks waiting on slow root keys can never delay an unlink; routine work goes to a FIFO served by
 * a pool of virtual threads.
 *
 * @param <W> the work item
 */
final class Lanes<W> implements AutoCloseable {

    private final LinkedBlockingQueue<W> critical = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<W> routine = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean open = true;

    /** Starts the critical worker and {@code routineWorkers} routine workers. */
    Lanes(int routineWorkers, Consumer<W> handler) {
        Thread c = Thread.ofPlatform().name("orbital-critical").daemon(true).unstarted(() -> serve(critical, handler));
        c.setPriority(Thread.MAX_PRIORITY);
        threads.add(c);
        for (int i = 0; i < routineWorkers; i++) {
            threads.add(Thread.ofVirtual().name("orbital-routine-" + i).unstarted(() -> serve(routine, handler)));
        }
        threads.forEach(Thread::start);
    }

    /** Queues work in its lane. */
    void submit(TaskKind.Lane lane, W work) {
        switch (lane) {
            case CRITICAL -> critical.add(work);
            case ROUTINE -> routine.add(work);
        }
    }

    /** Routine work waiting for a worker. */
    int routineBacklog() {
        return routine.size();
    }

    /**
     * Runs work until closed. The open flag, not the interrupt, ends the loop: a handler may swallow
     * an interrupt, and no queued work may start after {@link #close} (the broker redelivers it).
     */
    private void serve(LinkedBlockingQueue<W> queue, Consumer<W> handler) {
        try {
            while (open) {
                W work = queue.take();
                if (open) {
                    handler.accept(work);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        open = false;
        threads.forEach(Thread::interrupt);
    }
}
