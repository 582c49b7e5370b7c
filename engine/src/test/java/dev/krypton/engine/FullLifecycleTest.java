package dev.krypton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end story of a tenant, in one process with the fakes: link, create a KEK, wrap 10,000
 * DEKs, rotate, unwrap old and new, unlink (all fail), link again (all unwrap to the same
 * plaintexts), destroy (link fails: nothing left to unwrap).
 */
class FullLifecycleTest {

    private final Fixture f = new Fixture();

    @AfterEach
    void close() {
        f.close();
    }

    private record Wrapped(byte[] dek, EncryptResult result, CipherMode mode, byte[] aad) {
    }

    @Test
    void linkWrapRotateUnlinkRelinkDestroy() {
        f.link();
        String v1 = f.ops.createKek(f.principal, f.tenant, "payments").uid();
        assertThat(v1).isEqualTo("acme:payments:1");

        List<Wrapped> wrapped = new ArrayList<>();
        CipherMode[] modes = java.util.Arrays.stream(CipherMode.values()).filter(CipherMode::forKeks).toArray(CipherMode[]::new);
        for (int i = 0; i < 10_000; i++) {
            byte[] dek = f.random(32);
            CipherMode mode = modes[i % modes.length];
            byte[] aad = mode == CipherMode.GCM && i % 2 == 0 ? ("ctx-" + i).getBytes() : new byte[0];
            EncryptRequest req = new EncryptRequest(v1, mode, dek, new byte[0], aad);
            wrapped.add(new Wrapped(dek, f.ops.encrypt(f.principal, req), mode, aad));
        }

        String v2 = f.ops.rekey(f.principal, v1).uid();
        assertThat(v2).isEqualTo("acme:payments:2");
        assertThat(f.ops.attributes(f.principal, v1).attributes().state()).isEqualTo(ObjectState.DEACTIVATED);
        assertThatThrownBy(() -> f.ops.encrypt(f.principal, EncryptRequest.gcm(v1, f.random(32), new byte[0])))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_STATE));
        for (int i = 0; i < 1_000; i++) {
            byte[] dek = f.random(32);
            wrapped.add(new Wrapped(dek, f.ops.encrypt(f.principal, EncryptRequest.gcm(v2, dek, new byte[0])),
                    CipherMode.GCM, new byte[0]));
        }
        assertAllUnwrap(wrapped);

        f.commands.execute(new TenantCommand.Unlink(f.tenant));
        for (Wrapped w : wrapped) {
            assertThatThrownBy(() -> f.ops.decrypt(f.principal, DecryptRequest.of(w.result(), w.mode(), w.aad())))
                    .isInstanceOfSatisfying(EngineException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED));
        }

        f.link();
        assertAllUnwrap(wrapped);

        f.commands.execute(new TenantCommand.Destroy(f.tenant));
        assertThatThrownBy(f::link).isInstanceOfSatisfying(EngineException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_STATE));
        assertThat(f.storage.delegate.objects(dev.krypton.storage.ObjectQuery.tenant("acme"),
                dev.krypton.storage.PageRequest.first(10)).items()).isEmpty();
        assertThat(f.storage.delegate.tenant("acme").orElseThrow().hasWrappedL2()).isFalse();
        Wrapped any = wrapped.getFirst();
        assertThatThrownBy(() -> f.ops.decrypt(f.principal, DecryptRequest.of(any.result(), any.mode(), any.aad())))
                .isInstanceOf(EngineException.class);
    }

    private void assertAllUnwrap(List<Wrapped> wrapped) {
        for (Wrapped w : wrapped) {
            assertThat(f.ops.decrypt(f.principal, DecryptRequest.of(w.result(), w.mode(), w.aad()))).isEqualTo(w.dek());
        }
    }
}
