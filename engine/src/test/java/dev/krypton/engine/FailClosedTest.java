package dev.krypton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.engine.audit.AuditKind;
import dev.krypton.rootkey.tck.FakeRootKeys;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** docs/design.md section 6: the root key's owner can always stop the tenant; an outage cannot, until max-autonomy. */
class FailClosedTest {

    private final Fixture f = new Fixture();
    private EncryptResult sealed;
    private final byte[] dek = new byte[32];

    @BeforeEach
    void linkAndWrap() {
        f.link();
        String kek = f.ops.createKek(f.principal, f.tenant, "k").uid();
        sealed = f.ops.encrypt(f.principal, EncryptRequest.gcm(kek, dek, new byte[0]));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private boolean serving() {
        try {
            f.ops.decrypt(f.principal, DecryptRequest.of(sealed, CipherMode.GCM, new byte[0]));
            return true;
        } catch (EngineException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
            return false;
        }
    }

    private TenantState state() {
        return f.commands.status(f.tenant).orElseThrow().state();
    }

    private void probeAfter(Duration d) {
        f.clock.advance(d);
        f.engine.checkRootKeys();
    }

    @Test
    void deniedRootKeyZeroizesAtOnceAndRestoresWhenAllowedAgain() {
        f.kms.setState("key-a", FakeRootKeys.KeyState.DISABLED);
        probeAfter(Duration.ofSeconds(61));
        assertThat(serving()).isFalse();
        assertThat(state()).isEqualTo(TenantState.ROOT_REVOKED);
        assertThat(f.audit.events).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(AuditKind.ZEROIZE);
            assertThat(e.detail()).contains("root key denied");
        });
        f.kms.setState("key-a", FakeRootKeys.KeyState.ENABLED);
        probeAfter(Duration.ofSeconds(61));
        assertThat(state()).isEqualTo(TenantState.ACTIVE);
        assertThat(serving()).isTrue();
    }

    @Test
    void outageKeepsServingUntilMaxAutonomyThenZeroizes() {
        f.kms.setReachable(false);
        probeAfter(Duration.ofSeconds(61));
        assertThat(serving()).isTrue();
        probeAfter(Duration.ofMinutes(5));
        assertThat(serving()).isTrue();
        probeAfter(Duration.ofMinutes(5));
        assertThat(serving()).isFalse();
        assertThat(state()).isEqualTo(TenantState.ROOT_REVOKED);
        f.kms.setReachable(true);
        probeAfter(Duration.ofSeconds(61));
        assertThat(serving()).isTrue();
    }

    @Test
    void linkAfterRevocationUnwrapsAgainOnlyWhenTheKeyAllows() {
        f.kms.setState("key-a", FakeRootKeys.KeyState.DISABLED);
        probeAfter(Duration.ofSeconds(61));
        long generation = f.commands.status(f.tenant).orElseThrow().generation();
        try {
            f.link();
            throw new AssertionError("link must fail while the root key is disabled");
        } catch (EngineException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.ROOT_KEY_DENIED);
        }
        assertThat(state()).isEqualTo(TenantState.ROOT_REVOKED);
        assertThat(f.commands.status(f.tenant).orElseThrow().generation()).isEqualTo(generation);
        assertThat(serving()).isFalse();
        f.kms.setState("key-a", FakeRootKeys.KeyState.ENABLED);
        assertThat(f.link().status().state()).isEqualTo(TenantState.ACTIVE);
        assertThat(serving()).isTrue();
    }

    @Test
    void unlinkedTenantsAreNotProbed() {
        f.commands.execute(new TenantCommand.Unlink(f.tenant));
        int before = f.kms.calls();
        probeAfter(Duration.ofMinutes(2));
        assertThat(f.kms.calls()).isEqualTo(before);
    }
}
