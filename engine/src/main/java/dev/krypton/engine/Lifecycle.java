package dev.krypton.engine;

import dev.krypton.crypto.KeyHandle;
import dev.krypton.engine.audit.AuditEvent;
import dev.krypton.engine.audit.AuditKind;
import dev.krypton.engine.audit.AuditSink;
import dev.krypton.storage.ManagedObjectRecord;
import dev.krypton.storage.ObjectQuery;
import dev.krypton.storage.TenantRecord;
import dev.krypton.storage.Write;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Carries out tenant commands (docs/design.md sections 3 and 6) under the tenant's lock: reads the
 * stored record, asks {@link Transition} what to do, does it, stores the result with a
 * compare-and-set on the generation, and audits durably before it returns. Zeroizing comes before
 * the storage write, so the kill switch holds even when storage is down.
 */
final class Lifecycle {

    /** What a start-up unseal of one tenant did. */
    enum Unseal { LOADED, SKIPPED }

    private final Store store;
    private final Registry registry;
    private final Hierarchy hierarchy;
    private final RootKeys rootKeys;
    private final Keys keys;
    private final AuditSink audit;
    private final Clock clock;
    private final String region;

    Lifecycle(Store store, Registry registry, Hierarchy hierarchy, RootKeys rootKeys, Keys keys, AuditSink audit,
              Clock clock, String region) {
        this.store = store;
        this.registry = registry;
        this.hierarchy = hierarchy;
        this.rootKeys = rootKeys;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
        this.region = region;
    }

    CommandResult execute(TenantCommand command) {
        String action = command.getClass().getSimpleName();
        ReentrantLock lock = registry.lock(command.tenant());
        lock.lock();
        try {
            wipeFirst(command);
            CommandResult result = run(command);
            audit.recordDurably(new AuditEvent(AuditKind.COMMAND, "orbital", command.tenant().value(), "", action,
                    "ok", (result.changed() ? "changed" : "unchanged") + "; state " + result.status().state()
                            + "; generation " + result.status().generation()));
            return result;
        } catch (EngineException e) {
            audit.recordDurably(new AuditEvent(AuditKind.COMMAND, "orbital", command.tenant().value(), "", action,
                    e.code().name(), e.getMessage()));
            throw e;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The kill switch does not wait for storage: Unlink, Disable and Destroy end with no keys in
     * memory whatever the stored state turns out to be (Transition: Zeroize, Shred, or a no-op or
     * refusal in a state that holds no keys), so their keys are wiped before the record is read.
     */
    private void wipeFirst(TenantCommand command) {
        boolean endsKeys = command instanceof TenantCommand.Unlink || command instanceof TenantCommand.Disable
                || command instanceof TenantCommand.Destroy;
        if (endsKeys && registry.zeroize(command.tenant())) {
            rootKeys.unwatch(command.tenant());
            audit.record(new AuditEvent(AuditKind.ZEROIZE, "orbital", command.tenant().value(), "", "zeroize", "ok",
                    "keys wiped for " + command.getClass().getSimpleName() + " before storage is read"));
        }
    }

    /**
     * Fail-closed (docs/design.md section 6): wipes the tenant's keys at once, then records
     * ROOT_REVOKED if storage still says ACTIVE. The wipe never waits for storage or audit.
     */
    void failClosed(TenantId id, String why) {
        ReentrantLock lock = registry.lock(id);
        lock.lock();
        try {
            boolean wiped = registry.zeroize(id);
            audit.recordDurably(new AuditEvent(AuditKind.ZEROIZE, "system", id.value(), "", "fail-closed",
                    "ok", why + (wiped ? "; keys wiped" : "; no keys in memory")));
            Optional<TenantRecord> rec = store.tenant(id);
            if (rec.isPresent() && rec.get().state() == dev.krypton.storage.TenantState.ACTIVE) {
                TenantRecord r = rec.get();
                store.write(new Write.PutTenant(withState(r, TenantState.ROOT_REVOKED, r.rootKey(), r.wrappedL2()),
                        r.generation()));
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Start-up re-unseal of one tenant: under the tenant's lock, re-reads the record and
     * loads L2 and every L3 if it is still ACTIVE and not yet in memory. Never writes storage; a
     * DENIED or UNAVAILABLE root key is thrown to the caller, who decides.
     */
    Unseal unseal(TenantId id) {
        ReentrantLock lock = registry.lock(id);
        lock.lock();
        try {
            Optional<TenantRecord> rec = store.tenant(id);
            if (rec.isEmpty() || rec.get().state() != dev.krypton.storage.TenantState.ACTIVE) {
                return Unseal.SKIPPED;
            }
            if (!registry.isLive(id)) {
                registry.put(unwrapAll(rec.get()));
                audit.record(new AuditEvent(AuditKind.COMMAND, "system", id.value(), "", "unseal", "ok",
                        "loaded at start-up: ACTIVE in storage"));
            }
            return Unseal.LOADED;
        } finally {
            lock.unlock();
        }
    }

    /** The root key answers again: a ROOT_REVOKED tenant is loaded back (a link does the same). */
    void restore(TenantId id) {
        ReentrantLock lock = registry.lock(id);
        lock.lock();
        try {
            Optional<TenantRecord> rec = store.tenant(id);
            if (rec.isPresent() && rec.get().state() == dev.krypton.storage.TenantState.ROOT_REVOKED) {
                load(rec.get(), TenantState.ACTIVE);
                audit.recordDurably(new AuditEvent(AuditKind.COMMAND, "system", id.value(), "", "restore", "ok",
                        "root key usable again"));
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Brings this node's memory in line with storage after another node changed the tenant (change
     * feed, poll): wipes keys of a tenant that is no longer ACTIVE, loads one that became ACTIVE, and
     * reloads one whose L2 was replaced. Never writes storage.
     *
     * @return the generation memory now agrees with (0: no record): keys are never held beyond what
     *     that record allows; a load that failed leaves the tenant unloaded, which is stricter
     * @throws EngineException UNAVAILABLE or INTERNAL when the record cannot be read
     */
    long sync(TenantId id) {
        ReentrantLock lock = registry.lock(id);
        lock.lock();
        try {
            return syncLocked(id);
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@link #sync} unless a command holds the tenant's lock for longer than {@code waitNanos}.
     *
     * @return the generation applied, or -1 when the lock stayed busy (nothing done)
     */
    long trySync(TenantId id, long waitNanos) {
        ReentrantLock lock = registry.lock(id);
        try {
            if (!lock.tryLock(waitNanos, java.util.concurrent.TimeUnit.NANOSECONDS)) {
                return -1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
        try {
            return syncLocked(id);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A change notice said the tenant left ACTIVE: wipes its keys now, without reading storage,
     * unless a command holds the tenant's lock (then the caller's sync waits for it). Always
     * followed by {@link #sync}, which reads the record and loads the keys again if the tenant is
     * ACTIVE by then (a stale notice costs a reload, never a key held too long).
     *
     * @return whether keys were wiped
     */
    boolean wipeOnNotice(TenantId id, dev.krypton.storage.TenantState state) {
        ReentrantLock lock = registry.lock(id);
        if (!lock.tryLock()) {
            return false;
        }
        try {
            if (!registry.zeroize(id)) {
                return false;
            }
            rootKeys.unwatch(id);
            audit.record(new AuditEvent(AuditKind.ZEROIZE, "system", id.value(), "", "sync", "ok",
                    "tenant is " + state.name() + " in storage (another node; change notice)"));
            return true;
        } finally {
            lock.unlock();
        }
    }

    private long syncLocked(TenantId id) {
        Optional<TenantRecord> rec = store.tenant(id);
        long generation = rec.map(TenantRecord::generation).orElse(0L);
        try {
            boolean active = rec.isPresent() && rec.get().state() == dev.krypton.storage.TenantState.ACTIVE;
            if (!active) {
                if (registry.zeroize(id)) {
                    rootKeys.unwatch(id);
                    audit.recordDurably(new AuditEvent(AuditKind.ZEROIZE, "system", id.value(), "", "sync", "ok",
                            "tenant is " + rec.map(r -> r.state().name()).orElse("gone") + " in storage (another node)"));
                }
                return generation;
            }
            long revision = L2Envelope.decode(rec.get().wrappedL2()).revision();
            if (registry.isLive(id) && registry.active(id).l2Revision == revision) {
                hierarchy.refresh(registry.active(id));
                return generation;
            }
            TenantRuntime fresh = unwrapAll(rec.get());
            registry.replace(fresh);
            audit.record(new AuditEvent(AuditKind.COMMAND, "system", id.value(), "", "sync", "ok",
                    "loaded: ACTIVE in storage (another node)"));
        } catch (EngineException e) {
            if (e.code() == ErrorCode.UNAVAILABLE || e.code() == ErrorCode.INTERNAL) {
                throw e;
            }
            audit.record(new AuditEvent(AuditKind.COMMAND, "system", id.value(), "", "sync", e.code().name(), e.getMessage()));
        }
        return generation;
    }

    private CommandResult run(TenantCommand command) {
        TenantId id = command.tenant();
        Optional<TenantRecord> rec = store.tenant(id);
        Optional<RootKeyRef> bound = rec.filter(r -> r.rootKey().isSet()).map(r -> fromStorage(r.rootKey()));
        Transition t = Transition.of(command, rec.map(r -> Store.state(r.state())), bound);
        return switch (t) {
            case Transition.NoOp n -> noOp(command, rec.orElseThrow());
            case Transition.Reject r -> throw new EngineException(r.code(), r.reason());
            case Transition.CreateL2 c -> createL2(id, ((TenantCommand.Link) command).rootKey());
            case Transition.Load l -> load(rec.orElseThrow(), TenantState.ACTIVE);
            case Transition.Zeroize z -> zeroize(rec.orElseThrow(), z.target());
            case Transition.RewrapL2 w -> rewrapL2(rec.orElseThrow(), w.rootKey());
            case Transition.NewL2 n -> newL2(rec.orElseThrow());
            case Transition.Shred s -> shred(rec.orElseThrow());
        };
    }

    /** A no-op in storage; a Link or Enable of an ACTIVE tenant not yet in this node's memory loads it. */
    private CommandResult noOp(TenantCommand command, TenantRecord rec) {
        boolean wantsKeys = command instanceof TenantCommand.Link || command instanceof TenantCommand.Enable;
        if (wantsKeys && rec.state() == dev.krypton.storage.TenantState.ACTIVE && !registry.isLive(command.tenant())) {
            registry.put(unwrapAll(rec));
        }
        return result(status(rec), false);
    }

    private CommandResult createL2(TenantId id, RootKeyRef ref) {
        KeyHandle l2 = keys.randomKey();
        try {
            RootKeys.Wrapped w = rootKeys.wrap(ref, id, l2);
            TenantRecord rec = new TenantRecord(id.value(), dev.krypton.storage.TenantState.ACTIVE, 1,
                    toStorage(ref, w.keyVersion()), new L2Envelope(0, w.blob()).encode(), region, "", clock.instant());
            store.write(new Write.PutTenant(rec, Write.ABSENT));
            registry.put(new TenantRuntime(id, l2, 0));
            rootKeys.watch(ref, id);
            return result(status(rec), true);
        } catch (RuntimeException e) {
            l2.wipe();
            throw e;
        }
    }

    /** Unwraps L2 and every L3 and stores {@code target} (ACTIVE). */
    CommandResult load(TenantRecord rec, TenantState target) {
        TenantRuntime rt = unwrapAll(rec);
        try {
            TenantRecord next = withState(rec, target, rec.rootKey(), rec.wrappedL2());
            store.write(new Write.PutTenant(next, rec.generation()));
            registry.put(rt);
            return result(status(next), true);
        } catch (RuntimeException e) {
            rt.zeroize();
            throw e;
        }
    }

    private TenantRuntime unwrapAll(TenantRecord rec) {
        TenantId id = TenantId.of(rec.tenantId());
        L2Envelope env = L2Envelope.decode(rec.wrappedL2());
        KeyHandle l2 = rootKeys.unwrap(fromStorage(rec.rootKey()), id, env.providerBlob());
        TenantRuntime rt = new TenantRuntime(id, l2, env.revision());
        try {
            hierarchy.loadInto(rt);
            return rt;
        } catch (RuntimeException e) {
            rt.zeroize();
            throw e;
        }
    }

    /**
     * Wipes first, then stores {@code target}. The wipe's audit line is queued, not waited for: the
     * store write (which other nodes wait for) does not queue behind an fsync, and {@link #execute}
     * makes the line durable with the command's own line before the command returns.
     */
    private CommandResult zeroize(TenantRecord rec, TenantState target) {
        TenantId id = TenantId.of(rec.tenantId());
        boolean wiped = registry.zeroize(id);
        rootKeys.unwatch(id);
        if (wiped) {
            audit.record(new AuditEvent(AuditKind.ZEROIZE, "orbital", id.value(), "", "zeroize", "ok",
                    "keys wiped for " + target));
        }
        if (Store.state(rec.state()) == target) {
            return result(status(rec), wiped);
        }
        TenantRecord next = withState(rec, target, rec.rootKey(), rec.wrappedL2());
        store.write(new Write.PutTenant(next, rec.generation()));
        return result(status(next), true);
    }

    private CommandResult rewrapL2(TenantRecord rec, RootKeyRef ref) {
        TenantRuntime rt = registry.active(TenantId.of(rec.tenantId()));
        RootKeys.Wrapped w = rootKeys.wrap(ref, rt.tenant, rt.l2);
        TenantRecord next = withState(rec, TenantState.ACTIVE, toStorage(ref, w.keyVersion()),
                new L2Envelope(rt.l2Revision, w.blob()).encode());
        store.write(new Write.PutTenant(next, rec.generation()));
        rootKeys.watch(ref, rt.tenant);
        return result(status(next), true);
    }

    private CommandResult newL2(TenantRecord rec) {
        TenantRuntime old = registry.active(TenantId.of(rec.tenantId()));
        KeyHandle l2 = keys.randomKey();
        long revision = old.l2Revision + 1;
        TenantRuntime next = new TenantRuntime(old.tenant, l2, revision);
        try {
            RootKeys.Wrapped w = rootKeys.wrap(fromStorage(rec.rootKey()), old.tenant, l2);
            TenantRecord tenant = withState(rec, TenantState.ACTIVE, toStorage(fromStorage(rec.rootKey()), w.keyVersion()),
                    new L2Envelope(revision, w.blob()).encode());
            List<Write> writes = new ArrayList<>();
            writes.add(new Write.PutTenant(tenant, rec.generation()));
            Map<String, Hierarchy.Rewrapped> rewrapped = hierarchy.rewrapAll(old, next, writes);
            store.write(writes);
            hierarchy.adopt(old, next, rewrapped);
            registry.put(next);
            old.retireL2();
            return result(status(tenant), true);
        } catch (RuntimeException e) {
            l2.wipe();
            throw e;
        }
    }

    private CommandResult shred(TenantRecord rec) {
        TenantId id = TenantId.of(rec.tenantId());
        registry.zeroize(id);
        rootKeys.unwatch(id);
        List<Write> writes = new ArrayList<>();
        for (ManagedObjectRecord o : store.objects(ObjectQuery.tenant(id.value()))) {
            writes.add(new Write.DeleteObject(o.uid(), o.generation()));
        }
        TenantRecord tomb = new TenantRecord(rec.tenantId(), dev.krypton.storage.TenantState.DESTROYED,
                rec.generation() + 1, rec.rootKey(), new byte[0], rec.region(), rec.owner(), clock.instant());
        writes.add(new Write.PutTenant(tomb, rec.generation()));
        store.write(writes);
        return result(status(tomb), true);
    }

    private TenantRecord withState(TenantRecord rec, TenantState state, dev.krypton.storage.RootKeyRef ref, byte[] l2) {
        return new TenantRecord(rec.tenantId(), Store.state(state), rec.generation() + 1, ref, l2, rec.region(),
                rec.owner(), clock.instant());
    }

    /** A result committed now: called right after the store write (or the read that found nothing to write). */
    private CommandResult result(TenantStatus status, boolean changed) {
        return new CommandResult(status, changed, clock.instant());
    }

    static TenantStatus status(TenantRecord r) {
        Optional<RootKeyRef> ref = r.rootKey().isSet() ? Optional.of(fromStorage(r.rootKey())) : Optional.empty();
        Optional<String> version = r.rootKey().keyVersion().isEmpty() ? Optional.empty() : Optional.of(r.rootKey().keyVersion());
        long revision = r.hasWrappedL2() ? L2Envelope.decode(r.wrappedL2()).revision() : 0;
        return new TenantStatus(TenantId.of(r.tenantId()), Store.state(r.state()), r.generation(), ref, version, revision);
    }

    static RootKeyRef fromStorage(dev.krypton.storage.RootKeyRef r) {
        return new RootKeyRef(r.provider(), r.keyId(), r.metadata());
    }

    static dev.krypton.storage.RootKeyRef toStorage(RootKeyRef r, String version) {
        return new dev.krypton.storage.RootKeyRef(r.provider(), r.keyId(), version, r.metadata());
    }
}
