package dev.krypton.engine;

import static dev.krypton.engine.Member.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.engine.audit.AuditKind;
import dev.krypton.rootkey.tck.FakeRootKeys;
import dev.krypton.storage.tck.MemoryStorage;
import dev.krypton.storage.tck.OutageStorage;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The kill switch does not wait for a storage read. On the node that runs an unlink, the keys are
 * wiped before the record is read. On another node, a change notice that says the tenant left
 * ACTIVE wipes the keys by itself: node B cannot read tenant records at all (so its usual sync
 * fails) and polls only every ten minutes, yet it stops unwrapping as soon as A's unlink commits;
 * when the tenant is linked again, B loads it back from the record once reads work.
 */
class KillSwitchWithoutStorageTest {

    private static final ClusterOptions UNBOUNDED = ClusterOptions.of("x").withStaleness(Duration.ZERO)
            .withPollInterval(Duration.ofMinutes(10));

    @Test
    void anUnlinkNoticeWipesTheFollowerWithoutAStorageRead() throws Exception {
        MemoryStorage store = new MemoryStorage();
        FakeRootKeys kms = new FakeRootKeys();
        OutageStorage follower = new OutageStorage(store);
        byte[] dek = new byte[32];
        new SecureRandom().nextBytes(dek);
        try (Member a = new Member(store, kms, UNBOUNDED.withNodeId("node-a"));
             Member b = new Member(follower, kms, UNBOUNDED.withNodeId("node-b"))) {
            Member.Sealed sealed = a.seal("acme", dek);
            eventually("B loads the tenant linked on A", () -> b.serves(sealed));

            follower.down(OutageStorage.Call.TENANT);
            a.commands.execute(new TenantCommand.Unlink(TenantId.of("acme")));

            assertThat(b.refusal(sealed)).as("B right after A's unlink, unable to read the record")
                    .isEqualTo(ErrorCode.PERMISSION_DENIED);
            assertThat(b.audit.events).anyMatch(e -> e.kind() == AuditKind.ZEROIZE && e.tenant().equals("acme")
                    && e.detail().contains("change notice"));

            follower.up();
            a.commands.execute(new TenantCommand.Link(TenantId.of("acme"), Member.ROOT_KEY));
            eventually("B loads the tenant again from its record", () -> b.serves(sealed));
        }
    }

    @Test
    void anUnlinkWipesTheKeysEvenWhenTheRecordCannotBeRead() {
        OutageStorage store = new OutageStorage(new MemoryStorage());
        byte[] dek = new byte[32];
        new SecureRandom().nextBytes(dek);
        try (Member a = new Member(store, new FakeRootKeys(), UNBOUNDED.withNodeId("node-a"))) {
            Member.Sealed sealed = a.seal("acme", dek);
            assertThat(a.serves(sealed)).isTrue();

            store.down();
            assertThatThrownBy(() -> a.commands.execute(new TenantCommand.Unlink(TenantId.of("acme"))))
                    .isInstanceOf(EngineException.class).extracting(e -> ((EngineException) e).code())
                    .isEqualTo(ErrorCode.UNAVAILABLE);
            assertThat(a.refusal(sealed)).as("the unlink could not be stored, but the keys are gone")
                    .isEqualTo(ErrorCode.PERMISSION_DENIED);
        }
    }
}
