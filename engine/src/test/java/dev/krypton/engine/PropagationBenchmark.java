package dev.krypton.engine;

import dev.krypton.rootkey.tck.FakeRootKeys;
import dev.krypton.storage.ChangeFeed;
import dev.krypton.storage.Heartbeats;
import dev.krypton.storage.ManagedObjectRecord;
import dev.krypton.storage.ObjectQuery;
import dev.krypton.storage.Page;
import dev.krypton.storage.PageRequest;
import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageProviders;
import dev.krypton.storage.TaskLog;
import dev.krypton.storage.TenantRecord;
import dev.krypton.storage.Write;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Measures unlink propagation on three engines in one JVM over one real PostgreSQL schema: node A
 * unlinks, {@link TenantCommands#awaitPropagation} waits for B and C. Run once with the change
 * feed and once with B and C polling only (their feed hidden). Each unlink comes at a random
 * moment (0-500 ms) after B and C loaded the tenant, so it does not follow their poll in step.
 * Prints percentiles of the wait.
 *
 * <pre>
 * java ... dev.krypton.engine.PropagationBenchmark [trials]
 * </pre>
 */
public final class PropagationBenchmark {

    private PropagationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        run("change feed", trials, false);
        run("poll only (500 ms)", trials, true);
        System.exit(0);
    }

    private static void run(String label, int trials, boolean pollOnly) throws Exception {
        String schema = PgDatabase.newSchema();
        FakeRootKeys kms = new FakeRootKeys();
        ClusterOptions options = ClusterOptions.of("x");
        List<AutoCloseable> open = new ArrayList<>();
        try {
            Member a = member(schema, kms, options.withNodeId("node-a"), false, open);
            Member b = member(schema, kms, options.withNodeId("node-b"), pollOnly, open);
            Member c = member(schema, kms, options.withNodeId("node-c"), pollOnly, open);
            SecureRandom random = new SecureRandom();
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < trials; i++) {
                byte[] dek = new byte[32];
                random.nextBytes(dek);
                Member.Sealed sealed = a.seal("t" + i, dek);
                Member.eventually("B and C load t" + i, () -> b.serves(sealed) && c.serves(sealed));
                Thread.sleep(random.nextInt(500));
                CommandResult r = a.commands.execute(new TenantCommand.Unlink(TenantId.of("t" + i)));
                Propagation p = a.commands.awaitPropagation(TenantId.of("t" + i), r.status().generation());
                if (!p.confirmed() || b.serves(sealed) || c.serves(sealed)) {
                    throw new AssertionError("trial " + i + " not propagated: " + p);
                }
                micros.add(p.took().toNanos() / 1000);
            }
            micros.sort(Long::compare);
            System.out.printf("%s, %d trials: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", label, trials,
                    micros.get(trials / 2) / 1000.0, micros.get((int) Math.ceil(trials * 0.95) - 1) / 1000.0,
                    micros.getLast() / 1000.0);
        } finally {
            for (int i = open.size() - 1; i >= 0; i--) {
                open.get(i).close();
            }
        }
    }

    private static Member member(String schema, FakeRootKeys kms, ClusterOptions options, boolean hideFeed,
                                 List<AutoCloseable> open) {
        Storage storage = StorageProviders.open(PgDatabase.store(schema, PgDatabase.HOST, PgDatabase.PORT));
        open.add(storage);
        Member m = new Member(hideFeed ? new WithoutFeed(storage) : storage, kms, options);
        open.add(m);
        return m;
    }

    /** The same store without its change feed: the node learns changes by polling only. */
    private record WithoutFeed(Storage inner) implements Storage {
        @Override
        public Optional<TenantRecord> tenant(String tenantId) {
            return inner.tenant(tenantId);
        }

        @Override
        public Page<TenantRecord> tenants(PageRequest page) {
            return inner.tenants(page);
        }

        @Override
        public Optional<ManagedObjectRecord> object(String uid) {
            return inner.object(uid);
        }

        @Override
        public Page<ManagedObjectRecord> objects(ObjectQuery query, PageRequest page) {
            return inner.objects(query, page);
        }

        @Override
        public void write(List<Write> changes) {
            inner.write(changes);
        }

        @Override
        public TaskLog taskLog() {
            return inner.taskLog();
        }

        @Override
        public Heartbeats heartbeats() {
            return inner.heartbeats();
        }

        @Override
        public Optional<ChangeFeed> changeFeed() {
            return Optional.empty();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
