package dev.krypton.engine.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.krypton.engine.EngineException;
import dev.krypton.engine.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The append-only audit log file: JSON lines in a SHA-256 hash chain with signed Ed25519
 * checkpoints ({@link AuditLine} has the format). Callers enqueue; one writer thread takes
 * everything queued (up to a batch), appends it with one write, forces it to disk when
 * {@code fsync} is set, then completes the waiting {@link #recordDurably} callers. Batches form
 * by themselves under load (group commit), so audit costs one fsync per batch, not per event.
 *
 * <p>Loss on power failure, with fsync on: only events accepted by {@link #record} whose batch
 * had not completed its fsync (at most queueCapacity + batchSize events, in practice the last
 * few milliseconds); events of {@link #recordDurably} (lifecycle commands) are never lost once
 * it returned. If the file cannot be written, the log fails closed: every later call throws
 * INTERNAL, so operations that must be audited stop.
 */
public final class AuditLog implements AuditSink, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AuditLog.class.getName());

    private record Entry(Instant at, AuditEvent event, CompletableFuture<Void> done) {
    }

    private final Path file;
    private final KeyPair signing;
    private final String keyId;
    private final AuditOptions options;
    private final Clock clock;
    private final BlockingQueue<Entry> queue;
    private final FileChannel channel;
    private final Thread writer;
    private volatile boolean running = true;
    private volatile boolean durableWaiting;
    private volatile Throwable failure;
    private volatile long seq;
    private String prev;
    private long sinceCheckpoint;
    private Instant lastCheckpoint;

    private AuditLog(Path file, KeyPair signing, AuditOptions options, Clock clock) throws IOException {
        this.file = file;
        this.signing = signing;
        this.keyId = AuditKeys.keyId(signing.getPublic());
        this.options = options;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
        resume();
        this.channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), ownerOnly(file));
        this.lastCheckpoint = clock.instant();
        this.writer = Thread.ofPlatform().daemon().name("krypton-audit-writer").start(this::run);
    }

    /**
     * Read and write for the owner only, given at creation (so no other user can open the file in
     * between): the log names tenants, callers and objects. Empty where the file system has no
     * POSIX permissions.
     */
    private static FileAttribute<?>[] ownerOnly(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        boolean posix = parent != null
                && Files.getFileStore(parent).supportsFileAttributeView(PosixFileAttributeView.class);
        return posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    /** Opens (or creates) the log, continuing the chain of an existing file. */
    public static AuditLog open(Path file, KeyPair signing, AuditOptions options, Clock clock) {
        try {
            return new AuditLog(file, signing, options, clock);
        } catch (IOException e) {
            throw new EngineException(ErrorCode.INTERNAL, "cannot open audit log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void record(AuditEvent event) {
        enqueue(new Entry(clock.instant(), event, null));
    }

    @Override
    public void recordDurably(AuditEvent event) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        enqueue(new Entry(clock.instant(), event, done));
        durableWaiting = true;
        LockSupport.unpark(writer);
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(ErrorCode.INTERNAL, "interrupted while waiting for the audit log");
        } catch (ExecutionException e) {
            throw new EngineException(ErrorCode.INTERNAL, "audit log write failed", e.getCause());
        }
    }

    private void enqueue(Entry entry) {
        if (failure != null || !running) {
            throw new EngineException(ErrorCode.INTERNAL, "audit log is not writable (fails closed)", failure);
        }
        try {
            queue.put(entry);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(ErrorCode.INTERNAL, "interrupted while queueing an audit event");
        }
    }

    private void run() {
        List<Entry> batch = new ArrayList<>(options.batchSize());
        Lines out = new Lines(options.batchSize() * 256);
        try {
            while (running || !queue.isEmpty()) {
                Entry first = queue.poll(100, TimeUnit.MILLISECONDS);
                durableWaiting = false;
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, options.batchSize() - 1);
                    lingerForMore(batch);
                }
                for (Entry e : batch) {
                    append(out, AuditLine.event(++seq, e.at().toString(), e.event(), prev));
                    sinceCheckpoint++;
                }
                Instant now = clock.instant();
                boolean due = sinceCheckpoint >= options.checkpointEvery() || (sinceCheckpoint > 0
                        && !now.isBefore(lastCheckpoint.plus(options.checkpointInterval())));
                if (due) {
                    append(out, checkpointLine(now));
                }
                flush(out);
                if (due) {
                    logCheckpoint();
                }
                batch.forEach(e -> complete(e, null));
                batch.clear();
            }
            if (sinceCheckpoint > 0) {
                append(out, checkpointLine(clock.instant()));
                flush(out);
                logCheckpoint();
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            failure = e;
            batch.forEach(en -> complete(en, e));
            queue.forEach(en -> complete(en, e));
        } catch (InterruptedException e) {
            failure = e;
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Group commit: when nobody waits for this batch to be durable and it is not full, sleeps up to
     * the commit delay (without waking per event) and then takes what arrived meanwhile. A
     * {@link #recordDurably} caller wakes the writer at once.
     */
    private void lingerForMore(List<Entry> batch) {
        long delay = options.commitDelay().toNanos();
        if (delay == 0 || batch.size() >= options.batchSize() || batch.stream().anyMatch(e -> e.done() != null)) {
            return;
        }
        long deadline = System.nanoTime() + delay;
        long left;
        while (!durableWaiting && running && (left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, left);
        }
        queue.drainTo(batch, options.batchSize() - batch.size());
    }

    /**
     * Tells the platform log the checkpoint just written, as {@code SEQ:HASH}: shipped off the
     * node, the latest such line lets {@code krypton audit verify --expect-checkpoint} prove that
     * the log was not cut back to an earlier checkpoint.
     */
    private void logCheckpoint() {
        LOG.log(System.Logger.Level.INFO, "audit checkpoint {0}:{1}", Long.toString(seq), prev);
    }

    private String checkpointLine(Instant now) throws GeneralSecurityException {
        long s = ++seq;
        Signature sig = Signature.getInstance("Ed25519");
        sig.initSign(signing.getPrivate());
        String ts = now.toString();
        sig.update(AuditLine.checkpointMessage(s, ts, prev, keyId));
        String line = AuditLine.checkpoint(s, ts, prev, keyId, Base64.getEncoder().encodeToString(sig.sign()));
        sinceCheckpoint = 0;
        lastCheckpoint = now;
        return line;
    }

    /** The lines of one batch as UTF-8 bytes, each encoded once (hashed and written from the same bytes). */
    private static final class Lines extends ByteArrayOutputStream {
        private final MessageDigest sha256 = AuditLine.sha256();

        Lines(int size) {
            super(size);
        }

        /** Appends the line and its newline; returns the hash of the line. */
        String add(String line) {
            byte[] utf8 = line.getBytes(StandardCharsets.UTF_8);
            writeBytes(utf8);
            write('\n');
            return AuditLine.hash(utf8, sha256);
        }

        ByteBuffer buffer() {
            return ByteBuffer.wrap(buf, 0, count);
        }
    }

    private void append(Lines out, String line) {
        prev = out.add(line);
    }

    private void flush(Lines out) throws IOException {
        if (out.size() == 0) {
            return;
        }
        ByteBuffer buf = out.buffer();
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        if (options.fsync()) {
            channel.force(false);
        }
        out.reset();
    }

    private static void complete(Entry e, Throwable error) {
        if (e.done() != null) {
            if (error == null) {
                e.done().complete(null);
            } else {
                e.done().completeExceptionally(error);
            }
        }
    }

    private void resume() throws IOException {
        seq = 0;
        prev = AuditLine.GENESIS;
        if (!Files.exists(file) || Files.size(file) == 0) {
            return;
        }
        String last = lastLine();
        seq = new ObjectMapper().readTree(last).get("seq").asLong();
        prev = AuditLine.hash(last);
    }

    private String lastLine() throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long end = raf.length() - 1;
            raf.seek(end);
            if (raf.read() != '\n') {
                throw new IOException("last line is incomplete (torn write); verify and repair the log first");
            }
            long pos = end - 1;
            while (pos >= 0) {
                raf.seek(pos);
                if (raf.read() == '\n') {
                    break;
                }
                pos--;
            }
            byte[] line = new byte[(int) (end - pos - 1)];
            raf.seek(pos + 1);
            raf.readFully(line);
            return new String(line, StandardCharsets.UTF_8);
        }
    }

    /** Number of lines written so far (events and checkpoints). */
    public long sequence() {
        return seq;
    }

    /** Writes what is queued plus a final checkpoint, then closes the file. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join();
            Throwable closed = new IllegalStateException("audit log closed");
            for (Entry left; (left = queue.poll()) != null; ) {
                complete(left, closed);
            }
            channel.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new EngineException(ErrorCode.INTERNAL, "cannot close audit log " + file, e);
        }
    }
}
