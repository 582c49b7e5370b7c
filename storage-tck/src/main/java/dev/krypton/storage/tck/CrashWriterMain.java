package dev.krypton.storage.tck;

import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageConfig;
import dev.krypton.storage.StorageProviders;
import dev.krypton.storage.Write;
import java.util.ArrayList;
import java.util.List;

/**
 * Child process of the crash test: {@code backend key=value... -- round} writes forever, each
 * iteration one atomic write of the next generation of tenant {@value #TENANT} plus a new object
 * {@code crash:<round>:<i>}, and prints {@code ack <round> <i> <generation> end} only after the
 * write returned. The parent kills it with SIGKILL at a random moment.
 */
public final class CrashWriterMain {

    /** The tenant whose generation counts every committed iteration of every round. */
    public static final String TENANT = "crash";

    private CrashWriterMain() {
    }

    public static void main(String[] args) {
        List<String> extra = new ArrayList<>();
        StorageConfig config = ChildJvm.parse(args, extra);
        int round = Integer.parseInt(extra.getFirst());
        try (Storage store = StorageProviders.open(config)) {
            long generation = store.tenant(TENANT).map(t -> t.generation()).orElse(Write.ABSENT);
            for (int i = 0; ; i++) {
                store.write(List.of(new Write.PutTenant(Fixtures.tenant(TENANT, generation + 1), generation),
                        new Write.PutObject(record(round, i), Write.ABSENT)));
                generation++;
                System.out.println("ack " + round + " " + i + " " + generation + " end");
                System.out.flush();
            }
        }
    }

    /** The object written in iteration {@code i} of {@code round}. */
    public static dev.krypton.storage.ManagedObjectRecord record(int round, int i) {
        return Fixtures.object("crash:" + round + ":" + i, TENANT, dev.krypton.storage.ObjectKind.SECRET_DATA,
                "round-" + round, dev.krypton.storage.ObjectState.ACTIVE, 1, 1, 4096);
    }
}
