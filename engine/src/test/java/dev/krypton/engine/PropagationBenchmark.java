package dev.krypton.engine;

import dev.krypton.rootkey.tck.FakeRootKeys;
import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageProviders;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
}
