package dev.krypton.storage.tck;

import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageConfig;
import dev.krypton.storage.StorageProviders;
import dev.krypton.storage.Write;
import java.util.ArrayList;
import java.util.List;

/**
 * Child process of the two-process test: {@code backend key=value... -- tenant count prefix}
 * increments the counter tenant {@code count} times and creates one object per increment, then
 * prints {@code done}. It prints {@code ready} once the store is open, so the parent can start
 * writing at the same moment.
 */
public final class CounterMain {

    private CounterMain() {
    }

    public static void main(String[] args) {
        List<String> extra = new ArrayList<>();
        StorageConfig config = ChildJvm.parse(args, extra);
        String tenant = extra.get(0);
        int count = Integer.parseInt(extra.get(1));
        String prefix = extra.get(2);
        try (Storage store = StorageProviders.open(config)) {
            System.out.println("ready");
            System.out.flush();
            for (int i = 0; i < count; i++) {
                CasCounter.increment(store, tenant);
                store.write(new Write.PutObject(Fixtures.kek(tenant, prefix, i, 1), Write.ABSENT));
            }
        }
        System.out.println("done");
    }
}
