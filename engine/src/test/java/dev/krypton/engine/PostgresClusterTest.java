package dev.krypton.engine;

import static dev.krypton.engine.Member.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.krypton.engine.Propagation.Settled;
import dev.krypton.rootkey.tck.FakeRootKeys;
import dev.krypton.storage.NodeHeartbeat;
import dev.krypton.storage.Storage;
import dev.krypton.storage.StorageProviders;
import dev.krypton.testsupport.TcpRelay;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three engines in one JVM sharing one real PostgreSQL schema: node A and B talk to
 * PostgreSQL directly, node C through a {@link TcpRelay} the test cuts to partition it. Checks the
 * unlink propagation is confirmed only when it holds, the staleness bound, and the resume.
 */
class PostgresClusterTest {

    private static final Duration STALENESS = Duration.ofMillis(1500);
    private static final ClusterOptions FAST = ClusterOptions.of("x").withPollInterval(Duration.ofMillis(200))
            .withStaleness(STALENESS).withPropagationTimeout(Duration.ofSeconds(10));

    private final FakeRootKeys kms = new FakeRootKeys();
    private final SecureRandom random = new SecureRandom();
    private final List<AutoCloseable> open = new ArrayList<>();
    private final String schema = PgDatabase.newSchema();
    private TcpRelay proxy;

    private Member node(String id, ClusterOptions options, boolean viaProxy) throws Exception {
        int port = PgDatabase.PORT;
        if (viaProxy) {
            proxy = new TcpRelay(PgDatabase.HOST, PgDatabase.PORT);
            open.add(proxy);
            port = proxy.port();
        }
        Storage storage = StorageProviders.open(PgDatabase.store(schema, PgDatabase.HOST, port));
        open.add(storage);
        Member m = new Member(storage, kms, options.withNodeId(id));
        open.add(m);
        return m;
    }

    private byte[] dek() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return b;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void unlinkIsConfirmedOnlyOnceEveryNodeHasWipedTheKeys() throws Exception {
        // B's and C's bound is longer than A's propagation timeout (10 s), so A can confirm only from
        // their watermarks, never by waiting out a deadline, however slow the machine.
        ClusterOptions longBound = FAST.withStaleness(Duration.ofSeconds(30));
        Member a = node("node-a", FAST, false);
        Member b = node("node-b", longBound, false);
        Member c = node("node-c", longBound, false);
        Member.Sealed sealed = a.seal("acme", dek());
        eventually("B and C load the linked tenant", () -> b.serves(sealed) && c.serves(sealed));

        CommandResult unlinked = a.commands.execute(new TenantCommand.Unlink(TenantId.of("acme")));
        Propagation p = a.commands.awaitPropagation(TenantId.of("acme"), unlinked.status().generation());

        assertThat(p.confirmed()).isTrue();
        assertThat(b.refusal(sealed)).as("B at the moment of confirmation").isEqualTo(ErrorCode.PERMISSION_DENIED);
        assertThat(c.refusal(sealed)).as("C at the moment of confirmation").isEqualTo(ErrorCode.PERMISSION_DENIED);
        assertThat(a.storage.heartbeats().appliedBy("acme")).containsEntry("node-b", unlinked.status().generation())
                .containsEntry("node-c", unlinked.status().generation());
        assertThat(p.settled()).as("confirmed by watermarks, not by waiting out the staleness")
                .containsOnly(entry("node-b", Settled.APPLIED), entry("node-c", Settled.APPLIED));
    }

    @Test
    void heartbeatsNameEveryNodeWithItsBound() throws Exception {
        node("node-a", FAST, false);
        Member b = node("node-b", FAST.withStaleness(Duration.ZERO), false);
        eventually("both heartbeats written", () -> b.storage.heartbeats().list().size() == 2);
        List<NodeHeartbeat> beats = b.storage.heartbeats().list();
        assertThat(beats).extracting(NodeHeartbeat::nodeId).containsExactly("node-a", "node-b");
        assertThat(beats).extracting(NodeHeartbeat::revocationStaleness).containsExactly(STALENESS, Duration.ZERO);
    }

    @Test
    void aPartitionedNodeStopsServingEveryTenantThenResumesAndHasAppliedTheUnlink() throws Exception {
        Member a = node("node-a", FAST, false);
        Member c = node("node-c", FAST, true);
        Member.Sealed acme = a.seal("acme", dek());
        Member.Sealed beta = a.seal("beta", dek());
        eventually("C serves both tenants", () -> c.serves(acme) && c.serves(beta));

        proxy.refuse();
        CommandResult unlinked = a.commands.execute(new TenantCommand.Unlink(TenantId.of("acme")));
        Propagation p = a.commands.awaitPropagation(TenantId.of("acme"), unlinked.status().generation());
        assertThat(p.confirmed()).as("C passed its staleness deadline").isTrue();
        assertThat(p.settled()).as("C did not apply the unlink; it stopped serving").containsOnlyKeys("node-c")
                .doesNotContainValue(Settled.APPLIED);
        assertThat(c.engine.serving()).as("C at the moment of confirmation").isFalse();
        assertThat(c.refusal(acme)).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(c.refusal(beta)).as("cut off from storage, C refuses every tenant")
                .isEqualTo(ErrorCode.UNAVAILABLE);

        proxy.heal();
        eventually("C resumes once it confirms storage again", () -> c.serves(beta));
        assertThat(c.refusal(acme)).as("and has applied the unlink it missed").isEqualTo(ErrorCode.PERMISSION_DENIED);
        assertThat(c.audit.events).anySatisfy(e -> assertThat(e.detail()).contains("refuses every operation"));
        eventually("the resume is audited", () -> c.audit.events.stream().anyMatch(e -> e.detail().contains("serving resumed")));
    }

    @Test
    void aNodeCutOffFromStorageKeepsServingFromMemoryWithinItsBound() throws Exception {
        Member a = node("node-a", FAST, false);
        Member c = node("node-c", FAST.withStaleness(Duration.ofSeconds(30)), true);
        Member.Sealed acme = a.seal("acme", dek());
        eventually("C serves", () -> c.serves(acme));

        proxy.refuse();
        long failedPollsAtLeast = 5;
        Thread.sleep(FAST.pollInterval().toMillis() * failedPollsAtLeast);

        assertThat(c.serves(acme)).as("several polls failed, the bound (30 s) is far").isTrue();
        assertThat(c.engine.serving()).isTrue();
        proxy.heal();
    }

    @Test
    void unlinkStaysUnconfirmedWhileALiveUnboundedNodeCannotApplyIt() throws Exception {
        Member a = node("node-a", FAST.withStaleness(Duration.ofSeconds(20)).withPropagationTimeout(Duration.ofMillis(800)), false);
        Member c = node("node-c", FAST.withStaleness(Duration.ZERO), true);
        Member.Sealed acme = a.seal("acme", dek());
        eventually("C serves", () -> c.serves(acme));

        proxy.refuse();
        CommandResult unlinked = a.commands.execute(new TenantCommand.Unlink(TenantId.of("acme")));
        Propagation p = a.commands.awaitPropagation(TenantId.of("acme"), unlinked.status().generation());

        assertThat(p.confirmed()).isFalse();
        assertThat(p.waitingFor()).containsExactly("node-c");
        assertThat(c.serves(acme)).as("why it must not be confirmed: C, without a bound, still serves").isTrue();

        proxy.heal();
        eventually("C applies the unlink after the partition", () -> c.refusal(acme) == ErrorCode.PERMISSION_DENIED);
        assertThat(a.commands.awaitPropagation(TenantId.of("acme"), unlinked.status().generation()).confirmed()).isTrue();
    }

    @Test
    void aNodeSilentForLongerThanItsBoundIsNotWaitedFor() throws Exception {
        Member a = node("node-a", FAST, false);
        a.storage.heartbeats().beat(new NodeHeartbeat("ghost", Instant.now().minusSeconds(60), 1, STALENESS));
        a.seal("acme", dek());
        CommandResult unlinked = a.commands.execute(new TenantCommand.Unlink(TenantId.of("acme")));

        Propagation p = a.commands.awaitPropagation(TenantId.of("acme"), unlinked.status().generation());

        assertThat(p.confirmed()).isTrue();
        assertThat(p.settled()).as("counted silent, not waited out to its deadline")
                .containsOnly(entry("ghost", Settled.SILENT));
    }
}
