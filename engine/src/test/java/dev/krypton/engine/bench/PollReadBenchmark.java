package dev.krypton.engine.bench;

import dev.krypton.storage.Page;
import dev.krypton.storage.PageRequest;
import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageConfig;
import dev.krypton.storage.StorageProviders;
import dev.krypton.storage.Write;
import dev.krypton.storage.tck.Fixtures;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a cluster poll reads from PostgreSQL (127.0.0.1:5432, a database of its own): every tenant
 * in pages of 1,000 or 10,000, as full records ({@code tenants}, which carry the wrapped L2 and root-key
 * metadata) or as id, state and generation only ({@code tenantGenerations}, what the poll uses).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class PollReadBenchmark {

    @Param("10000")
    public int tenants;

    @Param({"1000", "10000"})
    public int pageSize;

    private final String database = "krypton_pollbench_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    private Storage store;

    @Setup(Level.Trial)
    public void seed() {
        admin("CREATE DATABASE " + database);
        store = StorageProviders.open(new StorageConfig("postgres", Map.of("url",
                "jdbc:postgresql://127.0.0.1:5432/" + database, "user", "postgres", "sslmode", "disable")));
        List<Write> batch = new ArrayList<>();
        for (int i = 0; i < tenants; i++) {
            batch.add(new Write.PutTenant(Fixtures.tenant("tenant-%06d".formatted(i), 1), Write.ABSENT));
            if (batch.size() == 500) {
                store.write(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            store.write(batch);
        }
    }

    @TearDown(Level.Trial)
    public void drop() {
        store.close();
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    @Benchmark
    public int fullRecords() {
        return readAll(store::tenants, pageSize).size();
    }

    @Benchmark
    public int generationsOnly() {
        return readAll(store::tenantGenerations, pageSize).size();
    }

    private static <T> List<T> readAll(Function<PageRequest, Page<T>> read, int pageSize) {
        List<T> out = new ArrayList<>();
        Optional<PageRequest> next = Optional.of(PageRequest.first(pageSize));
        while (next.isPresent()) {
            Page<T> page = read.apply(next.get());
            out.addAll(page.items());
            next = page.next();
        }
        return out;
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 refused: " + sql, e);
        }
    }
}
