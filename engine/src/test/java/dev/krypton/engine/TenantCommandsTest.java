package dev.krypton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.storage.TenantRecord;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every lifecycle command carried out against the fakes, legal and illegal (docs/design.md section 3). */
class TenantCommandsTest {

    private final Fixture f = new Fixture();
    private String kek;
    private EncryptResult sealed;
    private final byte[] dek = new byte[32];
    private long base;

    @BeforeEach
    void linkAndWrap() {
        CommandResult first = f.link();
        assertThat(first.changed()).isTrue();
        assertThat(first.status().state()).isEqualTo(TenantState.ACTIVE);
        assertThat(first.status().generation()).isEqualTo(1);
        kek = f.ops.createKek(f.principal, f.tenant, "k").uid();
        sealed = f.ops.encrypt(f.principal, EncryptRequest.gcm(kek, dek, new byte[0]));
        base = generation();
        assertThat(base).as("creating a KEK bumps the tenant generation (change-feed notice)").isEqualTo(2);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private boolean unwraps() {
        try {
            return java.util.Arrays.equals(f.ops.decrypt(f.principal, DecryptRequest.of(sealed, CipherMode.GCM, new byte[0])), dek);
        } catch (EngineException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
            return false;
        }
    }

    private CommandResult run(TenantCommand c) {
        return f.commands.execute(c);
    }

    private long generation() {
        return f.commands.status(f.tenant).orElseThrow().generation();
    }

    private void refused(TenantCommand c, ErrorCode code) {
        TenantRecord before = f.storage.delegate.tenant("acme").orElseThrow();
        boolean wasServing = unwraps();
        assertThatThrownBy(() -> run(c)).isInstanceOfSatisfying(EngineException.class,
                e -> assertThat(e.code()).isEqualTo(code));
        assertThat(f.storage.delegate.tenant("acme").orElseThrow()).as("nothing changed").isEqualTo(before);
        assertThat(unwraps()).isEqualTo(wasServing);
    }

    @Test
    void linkOfAnActiveTenantIsANoOp() {
        CommandResult again = f.link();
        assertThat(again.changed()).isFalse();
        assertThat(again.status().generation()).isEqualTo(base);
        assertThat(unwraps()).isTrue();
    }

    @Test
    void theWarmUpOnlyReadsEvenWhenItsIdNamesALiveTenant() {
        TenantRecord before = f.storage.delegate.tenant("acme").orElseThrow();
        int written = f.storage.written().size();
        int audited = f.audit.events.size();
        f.commands.warmUp(f.tenant);
        f.commands.warmUp(TenantId.of("krypton-warm-up-probe"));
        assertThat(f.storage.delegate.tenant("acme").orElseThrow()).isEqualTo(before);
        assertThat(f.storage.delegate.tenant("krypton-warm-up-probe")).isEmpty();
        assertThat(f.storage.written()).hasSize(written);
        assertThat(f.audit.events).hasSize(audited);
        assertThat(unwraps()).isTrue();
    }

    @Test
    void anUnlinkReportsTheInstantOfItsCommit() {
        java.time.Instant at = f.clock.instant();
        CommandResult u = run(new TenantCommand.Unlink(f.tenant));
        assertThat(u.committedAt()).isEqualTo(at);
        assertThat(f.storage.delegate.tenant("acme").orElseThrow().updatedAt()).isEqualTo(u.committedAt());
    }

    @Test
    void unlinkZeroizesAndLinkRestoresTheSameKeys() {
        CommandResult u = run(new TenantCommand.Unlink(f.tenant));
        assertThat(u.status().state()).isEqualTo(TenantState.UNLINKED);
        assertThat(u.status().generation()).isEqualTo(base + 1);
        assertThat(unwraps()).isFalse();
        assertThat(run(new TenantCommand.Unlink(f.tenant)).changed()).isFalse();
        assertThat(generation()).isEqualTo(base + 1);
        assertThat(f.link().status().generation()).isEqualTo(base + 2);
        assertThat(unwraps()).isTrue();
    }

    @Test
    void disabledTenantRefusesLinkUntilEnabled() {
        assertThat(run(new TenantCommand.Disable(f.tenant)).status().state()).isEqualTo(TenantState.DISABLED);
        assertThat(unwraps()).isFalse();
        assertThat(run(new TenantCommand.Disable(f.tenant)).changed()).isFalse();
        refused(new TenantCommand.Link(f.tenant, f.rootKey), ErrorCode.ILLEGAL_STATE);
        refused(new TenantCommand.SwitchRootKey(f.tenant, f.otherRootKey), ErrorCode.ILLEGAL_STATE);
        refused(new TenantCommand.RotateRootKey(f.tenant), ErrorCode.ILLEGAL_STATE);
        refused(new TenantCommand.RotateTenantKey(f.tenant), ErrorCode.ILLEGAL_STATE);
        assertThat(run(new TenantCommand.Unlink(f.tenant)).changed()).isFalse();
        CommandResult enabled = run(new TenantCommand.Enable(f.tenant));
        assertThat(enabled.status().state()).isEqualTo(TenantState.ACTIVE);
        assertThat(unwraps()).isTrue();
        assertThat(run(new TenantCommand.Enable(f.tenant)).changed()).isFalse();
    }

    @Test
    void enableIsOnlyForDisabledTenants() {
        run(new TenantCommand.Unlink(f.tenant));
        refused(new TenantCommand.Enable(f.tenant), ErrorCode.ILLEGAL_STATE);
    }

    @Test
    void switchRewrapsL2UnderTheNewRootKeyAndKeepsTheL3s() {
        CommandResult s = run(new TenantCommand.SwitchRootKey(f.tenant, f.otherRootKey));
        assertThat(s.changed()).isTrue();
        assertThat(s.status().rootKey()).contains(f.otherRootKey);
        assertThat(s.status().generation()).isEqualTo(base + 1);
        assertThat(run(new TenantCommand.SwitchRootKey(f.tenant, f.otherRootKey)).changed()).isFalse();
        assertThat(unwraps()).isTrue();
        run(new TenantCommand.Unlink(f.tenant));
        refused(new TenantCommand.Link(f.tenant, f.rootKey), ErrorCode.INVALID_ARGUMENT);
        f.commands.execute(new TenantCommand.Link(f.tenant, f.otherRootKey));
        assertThat(unwraps()).isTrue();
    }

    @Test
    void rotateRewrapsL2UnderTheRootKeysCurrentVersion() {
        f.rotateRootKeyVersion();
        CommandResult r = run(new TenantCommand.RotateRootKey(f.tenant));
        assertThat(r.changed()).isTrue();
        assertThat(r.status().generation()).isEqualTo(base + 1);
        run(new TenantCommand.Unlink(f.tenant));
        refused(new TenantCommand.RotateRootKey(f.tenant), ErrorCode.ILLEGAL_STATE);
        f.link();
        assertThat(unwraps()).isTrue();
    }

    @Test
    void rotatingTheTenantKeyRewrapsEveryL3AsANewRevision() {
        String uid2 = f.ops.rekey(f.principal, kek).uid();
        CommandResult r = run(new TenantCommand.RotateTenantKey(f.tenant));
        assertThat(r.status().l2Revision()).isEqualTo(1);
        assertThat(f.storage.delegate.object(kek).orElseThrow().revision()).isEqualTo(1);
        assertThat(f.storage.delegate.object(uid2).orElseThrow().revision()).isEqualTo(1);
        assertThat(new String(f.storage.delegate.object(kek).orElseThrow().aad())).startsWith("acme:k:1:1:");
        assertThat(unwraps()).isTrue();
        run(new TenantCommand.Unlink(f.tenant));
        f.link();
        assertThat(unwraps()).isTrue();
    }

    @Test
    void destroyIsIrreversible() {
        CommandResult d = run(new TenantCommand.Destroy(f.tenant));
        assertThat(d.status().state()).isEqualTo(TenantState.DESTROYED);
        assertThat(unwraps()).isFalse();
        assertThat(run(new TenantCommand.Destroy(f.tenant)).changed()).isFalse();
        assertThat(run(new TenantCommand.Unlink(f.tenant)).changed()).isFalse();
        for (TenantCommand c : new TenantCommand[] {new TenantCommand.Link(f.tenant, f.rootKey),
                new TenantCommand.Enable(f.tenant), new TenantCommand.Disable(f.tenant),
                new TenantCommand.SwitchRootKey(f.tenant, f.otherRootKey), new TenantCommand.RotateRootKey(f.tenant),
                new TenantCommand.RotateTenantKey(f.tenant)}) {
            refused(c, ErrorCode.ILLEGAL_STATE);
        }
    }

    @Test
    void commandsOnAnUnknownTenantAreNotFound() {
        TenantId ghost = TenantId.of("ghost");
        assertThat(f.commands.status(ghost)).isEmpty();
        Consumer<TenantCommand> notFound = c -> assertThatThrownBy(() -> run(c))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        notFound.accept(new TenantCommand.Unlink(ghost));
        notFound.accept(new TenantCommand.Destroy(ghost));
        notFound.accept(new TenantCommand.Enable(ghost));
        assertThat(f.commands.status(ghost)).isEmpty();
    }

    @Test
    void everyCommandIsAudited() {
        run(new TenantCommand.Unlink(f.tenant));
        assertThat(f.audit.events).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("Unlink");
            assertThat(e.result()).isEqualTo("ok");
        });
        assertThatThrownBy(() -> run(new TenantCommand.Enable(f.tenant))).isInstanceOf(EngineException.class);
        assertThat(f.audit.events).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("Enable");
            assertThat(e.result()).isEqualTo("ILLEGAL_STATE");
        });
    }
}
