package dev.krypton.engine;

import static dev.krypton.engine.Member.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.rootkey.tck.FakeRootKeys;
import dev.krypton.storage.NodeHeartbeat;
import dev.krypton.storage.tck.MemoryStorage;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The poll fallback and the options of a cluster node, over the in-memory store: node B sees the
 * store without its change feed, so it learns every change by polling alone.
 */
class ClusterPollTest {

    private static final ClusterOptions FAST = ClusterOptions.of("x").withPollInterval(Duration.ofMillis(100))
            .withStaleness(Duration.ofSeconds(2));

    private static byte[] dek() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return b;
    }

    @Test
    void aNodeWithoutTheFeedFollowsLinkAndUnlinkByPollingAndReportsItsWatermark() throws Exception {
        MemoryStorage store = new MemoryStorage();
        FakeRootKeys kms = new FakeRootKeys();
        try (Member a = new Member(store, kms, FAST.withNodeId("node-a"));
             Member b = new Member(new WithoutFeed(store), kms, FAST.withNodeId("node-b"))) {
            Member.Sealed sealed = a.seal("acme", dek());
            eventually("B loads the tenant linked on A", () -> b.serves(sealed));

            CommandResult unlinked = a.commands.execute(new TenantCommand.Unlink(TenantId.of("acme")));
            Propagation p = a.commands.awaitPropagation(TenantId.of("acme"), unlinked.status().generation());

            assertThat(p.confirmed()).isTrue();
            assertThat(b.refusal(sealed)).as("B at the moment of confirmation").isEqualTo(ErrorCode.PERMISSION_DENIED);
            assertThat(store.appliedBy("acme")).containsEntry("node-b", unlinked.status().generation());
            assertThat(store.list()).extracting(NodeHeartbeat::nodeId).contains("node-a", "node-b");
        }
    }

    @Test
    void aSingleNodeConfirmsAtOnce() {
        try (Member a = new Member(new MemoryStorage(), new FakeRootKeys(), FAST.withNodeId("alone"))) {
            a.seal("acme", dek());
            CommandResult unlinked = a.commands.execute(new TenantCommand.Unlink(TenantId.of("acme")));
            Propagation p = a.commands.awaitPropagation(TenantId.of("acme"), unlinked.status().generation());
            assertThat(p.confirmed()).isTrue();
            assertThat(p.waitingFor()).isEmpty();
            assertThat(a.engine.serving()).isTrue();
        }
    }

    @Test
    void optionsThatCannotHoldTheBoundAreRefused() {
        ClusterOptions oneSecond = ClusterOptions.of("n").withPollInterval(Duration.ofMillis(100)).withStaleness(Duration.ofSeconds(1));
        assertThatThrownBy(() -> oneSecond.withPollInterval(Duration.ofMillis(250)))
                .isInstanceOf(EngineException.class).hasMessageContaining("quarter of the revocation staleness");
        assertThatThrownBy(() -> ClusterOptions.of("n").withStaleness(Duration.ofSeconds(-1)))
                .isInstanceOf(EngineException.class).hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> ClusterOptions.of("bad\nid")).isInstanceOf(EngineException.class);
        assertThatThrownBy(() -> ClusterOptions.of("n").withPropagationTimeout(Duration.ZERO))
                .isInstanceOf(EngineException.class).hasMessageContaining("propagation timeout");
        assertThat(ClusterOptions.of("n").withStaleness(Duration.ZERO).withPollInterval(Duration.ofMinutes(1)).bounded())
                .as("with the bound off any poll interval goes").isFalse();
    }
}
