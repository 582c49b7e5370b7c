package dev.krypton.engine;

import static dev.krypton.engine.Member.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.rootkey.tck.FakeRootKeys;
import dev.krypton.storage.tck.MemoryStorage;
import dev.krypton.storage.tck.OutageStorage;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A node whose store goes down: past the staleness bound it refuses every operation as retryable,
 * and its log shows the first refusal and counts the rest instead of one line per request; when
 * the store is back it serves again and says how many it refused.
 */
class ClusterOutageTest {

    private static final ClusterOptions FAST = ClusterOptions.of("outage-node").withPollInterval(Duration.ofMillis(100))
            .withStaleness(Duration.ofSeconds(1));

    @Test
    void aNodeThatCannotConfirmStorageRefusesAndLogsTheFloodAsOneLinePlusCounts() throws Exception {
        Logger jul = Logger.getLogger(ClusterNode.class.getName());
        Lines lines = new Lines();
        jul.addHandler(lines);
        byte[] dek = new byte[32];
        new SecureRandom().nextBytes(dek);
        OutageStorage store = new OutageStorage(new MemoryStorage());
        try (Member node = new Member(store, new FakeRootKeys(), FAST)) {
            Member.Sealed sealed = node.seal("acme", dek);
            assertThat(node.serves(sealed)).isTrue();

            store.down();
            int[] refused = {0};
            eventually("the node refuses once the bound has passed", () -> {
                if (node.refusal(sealed) == ErrorCode.UNAVAILABLE) {
                    refused[0]++;
                }
                return refused[0] > 0;
            });
            for (int i = 0; i < 2_000; i++) {
                assertThat(node.refusal(sealed)).isEqualTo(ErrorCode.UNAVAILABLE);
                refused[0]++;
            }
            assertThat(lines.containing("refusing as retryable")).as("the first refusal, once").hasSize(1);
            assertThat(lines.containing("storage not confirmed")).as("not one line per refusal").hasSizeLessThan(20);

            store.up();
            eventually("the node serves again", () -> {
                ErrorCode code = node.refusal(sealed);
                if (code == ErrorCode.UNAVAILABLE) {
                    refused[0]++;
                }
                return code == null;
            });
            List<String> ended = lines.containing("no longer refusing");
            assertThat(ended).hasSize(1);
            long counted = lines.containing("more refused since the last line").stream()
                    .mapToLong(ClusterOutageTest::count).sum();
            assertThat(counted + 1).as("every refusal is in the log's counts").isEqualTo(refused[0]);
        } finally {
            jul.removeHandler(lines);
        }
    }

    private static long count(String line) {
        String before = line.substring(0, line.indexOf(" more refused since the last line"));
        return Long.parseLong(before.substring(before.lastIndexOf(' ') + 1));
    }

    /** The node's log lines about refusals. */
    private static final class Lines extends Handler {
        private final List<String> all = new CopyOnWriteArrayList<>();

        List<String> containing(String text) {
            return all.stream().filter(s -> s.contains(text)).toList();
        }

        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.INFO.intValue()) {
                all.add(r.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
