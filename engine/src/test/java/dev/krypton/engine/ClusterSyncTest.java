package dev.krypton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Several nodes over one storage (docs/design.md section 5): a node started later loads ACTIVE
 * tenants, uses KEK versions another node created, and follows the kill switch and L2 rotation
 * of another node through the change feed.
 */
class ClusterSyncTest {

    private static boolean serves(Fixture node, EncryptResult sealed, byte[] dek) {
        try {
            return java.util.Arrays.equals(node.ops.decrypt(node.principal, DecryptRequest.of(sealed, CipherMode.GCM, new byte[0])), dek);
        } catch (EngineException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
            return false;
        }
    }

    private static ErrorCode refused(Runnable call) {
        try {
            call.run();
            return null;
        } catch (EngineException e) {
            return e.code();
        }
    }

    /** Waits for the asynchronous feed; fails after 20 s (a bound, not a timing assertion). */
    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 20 s");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void nodesFollowEachOther() throws Exception {
        try (Fixture a = new Fixture()) {
            a.link();
            String v1 = a.ops.createKek(a.principal, a.tenant, "k").uid();
            byte[] dek = a.random(32);
            EncryptResult sealed = a.ops.encrypt(a.principal, EncryptRequest.gcm(v1, dek, new byte[0]));
            try (Fixture b = new Fixture(a)) {
                assertThat(serves(b, sealed, dek)).as("started after the link: loads ACTIVE tenants").isTrue();

                String v2 = a.ops.rekey(a.principal, v1).uid();
                EncryptResult newer = b.ops.encrypt(b.principal, EncryptRequest.gcm(v2, dek, new byte[0]));
                assertThat(serves(a, newer, dek)).isTrue();
                eventually(() -> b.ops.attributes(b.principal, v1).attributes().state() == ObjectState.DEACTIVATED);
                a.ops.revoke(a.principal, v2, RevocationReason.SUPERSEDED);
                eventually(() -> refused(() -> b.ops.encrypt(b.principal, EncryptRequest.gcm(v2, dek, new byte[0]))) == ErrorCode.ILLEGAL_STATE);
                String v3 = a.ops.rekey(a.principal, v1).uid();
                a.ops.destroy(a.principal, v2);
                eventually(() -> refused(() -> b.ops.decrypt(b.principal, DecryptRequest.of(newer, CipherMode.GCM, new byte[0])))
                        == ErrorCode.NOT_FOUND);
                assertThat(b.ops.encrypt(b.principal, EncryptRequest.gcm(v3, dek, new byte[0])).uid()).isEqualTo(v3);

                a.commands.execute(new TenantCommand.Unlink(a.tenant));
                eventually(() -> !serves(b, sealed, dek));

                a.link();
                eventually(() -> serves(b, sealed, dek));

                long revision = b.commands.status(b.tenant).orElseThrow().l2Revision();
                a.commands.execute(new TenantCommand.RotateTenantKey(a.tenant));
                eventually(() -> b.commands.status(b.tenant).orElseThrow().l2Revision() == revision + 1);
                eventually(() -> serves(b, sealed, dek));
                b.commands.execute(new TenantCommand.Disable(b.tenant));
                eventually(() -> !serves(a, sealed, dek));
            }
        }
    }

    @Test
    void aRestartedNodeServesWhatWasActive() {
        try (Fixture a = new Fixture()) {
            a.link();
            String v1 = a.ops.createKek(a.principal, a.tenant, "k").uid();
            byte[] dek = a.random(32);
            EncryptResult sealed = a.ops.encrypt(a.principal, EncryptRequest.gcm(v1, dek, new byte[0]));
            a.engine.close();
            assertThat(serves(a, sealed, dek)).as("close wipes every key").isFalse();
            try (Fixture restarted = new Fixture(a)) {
                assertThat(serves(restarted, sealed, dek)).isTrue();
            }
        }
    }
}
