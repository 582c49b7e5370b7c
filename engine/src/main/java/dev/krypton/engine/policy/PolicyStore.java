package dev.krypton.engine.policy;

import dev.krypton.engine.EngineException;
import dev.krypton.engine.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The policy in force, loaded from a file and replaceable without restart: by an explicit
 * {@link #reload()} or by {@link #watch()}, which reloads when the file changes. An invalid file
 * is rejected with a message naming the problem and the policy in force stays in force.
 * Readers call {@link #get()}: one volatile read, no I/O.
 */
public final class PolicyStore implements Supplier<Policy>, AutoCloseable {

    /** Told about every reload attempt (for audit and logs). */
    public interface Listener {
        void reloaded(Path file, Policy policy);

        void rejected(Path file, String message);
    }

    private final Path file;
    private final Listener listener;
    private final AtomicReference<Policy> current;
    private volatile WatchService watcher;

    private PolicyStore(Path file, Listener listener, Policy initial) {
        this.file = file;
        this.listener = listener;
        this.current = new AtomicReference<>(initial);
    }

    /** Loads {@code file}; an invalid file fails the start with INVALID_ARGUMENT. */
    public static PolicyStore load(Path file, Listener listener) {
        Objects.requireNonNull(listener, "listener");
        PolicyStore store = new PolicyStore(file.toAbsolutePath(), listener, Policy.denyAll());
        store.current.set(store.read());
        return store;
    }

    @Override
    public Policy get() {
        return current.get();
    }

    /** Re-reads the file; on error throws INVALID_ARGUMENT and keeps the old policy. */
    public Policy reload() {
        Policy next;
        try {
            next = read();
        } catch (EngineException e) {
            listener.rejected(file, e.getMessage());
            throw e;
        }
        current.set(next);
        listener.reloaded(file, next);
        return next;
    }

    /** Starts a virtual thread that reloads whenever the file is written, created or replaced. */
    public synchronized void watch() {
        if (watcher != null) {
            return;
        }
        try {
            WatchService ws = file.getFileSystem().newWatchService();
            file.getParent().register(ws, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_CREATE);
            watcher = ws;
            Thread.ofVirtual().name("krypton-policy-watch").start(() -> loop(ws));
        } catch (IOException e) {
            throw new EngineException(ErrorCode.INTERNAL, "cannot watch policy file " + file + ": " + e.getMessage(), e);
        }
    }

    private void loop(WatchService ws) {
        try {
            while (true) {
                WatchKey key = ws.take();
                boolean ours = false;
                for (WatchEvent<?> event : key.pollEvents()) {
                    ours |= event.context() instanceof Path p && p.equals(file.getFileName());
                }
                key.reset();
                if (ours) {
                    tryReload();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void tryReload() {
        try {
            reload();
        } catch (EngineException rejected) {
            // reported to the listener by reload(); the previous policy stays in force
            return;
        }
    }

    private Policy read() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EngineException(ErrorCode.INVALID_ARGUMENT, "invalid policy: cannot read " + file + ": " + e);
        }
        try {
            return PolicyParser.parse(text);
        } catch (EngineException e) {
            throw new EngineException(ErrorCode.INVALID_ARGUMENT, file + ": " + e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                throw new EngineException(ErrorCode.INTERNAL, "cannot stop policy watch: " + e.getMessage(), e);
            }
            watcher = null;
        }
    }
}
