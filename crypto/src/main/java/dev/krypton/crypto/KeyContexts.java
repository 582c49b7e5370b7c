package dev.krypton.crypto;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * OpenSSL cipher contexts already keyed with one {@link KeyHandle}, pooled per kind so the AES key
 * schedule (and GCM's GHASH table) is computed once per key and thread, not once per operation. The
 * schedules live in OpenSSL's native heap; {@link #close()} (run by {@link KeyHandle#wipe()}) frees
 * every context, and EVP_CIPHER_CTX_free cleanses them. A context is used by one thread at a time.
 */
final class KeyContexts implements AutoCloseable {

    /** A keyed context and the IV length it was last set to. */
    static final class Context {
        final MemorySegment ctx;
        int ivLength = 12;

        Context(MemorySegment ctx) {
            this.ctx = ctx;
        }
    }

    /** What a pooled context was keyed for: the cipher family and the direction. */
    enum Kind {
        GCM_ENCRYPT("GCM", 1), GCM_DECRYPT("GCM", 0),
        WRAP_ENCRYPT("WRAP", 1), WRAP_DECRYPT("WRAP", 0),
        WRAP_PAD_ENCRYPT("WRAP-PAD", 1), WRAP_PAD_DECRYPT("WRAP-PAD", 0);

        final String family;
        final int enc;

        Kind(String family, int enc) {
            this.family = family;
            this.enc = enc;
        }
    }

    private final MemorySegment key;
    private final AtomicReferenceArray<Context> fast = new AtomicReferenceArray<>(Kind.values().length);
    private final List<ConcurrentLinkedQueue<Context>> pools = new ArrayList<>();

    KeyContexts(MemorySegment key) {
        this.key = key;
        for (int i = 0; i < Kind.values().length; i++) {
            pools.add(new ConcurrentLinkedQueue<>());
        }
    }

    /** One uncontended slot per kind first (no allocation), then the shared queue, then a new context. */
    Context take(Kind kind) {
        Context slot = fast.getAndSet(kind.ordinal(), null);
        if (slot != null) {
            return slot;
        }
        Context pooled = pools.get(kind.ordinal()).poll();
        return pooled != null ? pooled : create(kind);
    }

    void give(Kind kind, Context context) {
        if (!fast.compareAndSet(kind.ordinal(), null, context)) {
            pools.get(kind.ordinal()).offer(context);
        }
    }

    /** Frees a context that failed mid-operation rather than pooling it. */
    static void discard(Context context) {
        Evp.free(context.ctx);
        Evp.clearErrors();
    }

    @Override
    public void close() {
        for (int i = 0; i < fast.length(); i++) {
            Context slot = fast.getAndSet(i, null);
            if (slot != null) {
                Evp.free(slot.ctx);
            }
        }
        for (ConcurrentLinkedQueue<Context> pool : pools) {
            for (Context c = pool.poll(); c != null; c = pool.poll()) {
                Evp.free(c.ctx);
            }
        }
    }

    private Context create(Kind kind) {
        MemorySegment ctx = Evp.newContext();
        MemorySegment cipher = OpenSsl.cipher("AES-" + key.byteSize() * 8 + "-" + kind.family);
        Evp.allowWrap(ctx);
        if (!Evp.init(ctx, cipher, key, MemorySegment.NULL, kind.enc)) {
            Evp.free(ctx);
            Evp.clearErrors();
            throw new CryptoException("OpenSSL refused the key for " + kind.family);
        }
        return new Context(ctx);
    }
}
