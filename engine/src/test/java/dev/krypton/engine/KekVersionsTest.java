package dev.krypton.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** L3 KEK versions: create, rotate, revoke, destroy, GCM budget (docs/design.md section 3). */
class KekVersionsTest {

    private final Fixture f = new Fixture(EngineOptions.defaults().withGcm(10, 4));

    @AfterEach
    void close() {
        f.close();
    }

    private ErrorCode code(Runnable r) {
        try {
            r.run();
            return null;
        } catch (EngineException e) {
            return e.code();
        }
    }

    @Test
    void createdVersionHasTheUpstreamUidAndFormat() {
        f.link();
        ManagedObject v1 = f.ops.createKek(f.principal, f.tenant, "orders");
        assertThat(v1.uid()).isEqualTo("acme:orders:1");
        assertThat(v1.kind()).isEqualTo(ManagedObject.Kind.KEK_VERSION);
        assertThat(v1.attributes().sensitive()).isTrue();
        assertThat(v1.attributes().extractable()).isFalse();
        var rec = f.storage.delegate.object("acme:orders:1").orElseThrow();
        assertThat(rec.wrappedBlob()).hasSize(12 + 32 + 16);
        assertThat(new String(rec.aad())).isEqualTo("acme:orders:1:0:" + rec.createdAtNanos());
        assertThat(code(() -> f.ops.createKek(f.principal, f.tenant, "orders"))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(code(() -> f.ops.createKek(f.principal, f.tenant, "bad:name"))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void rotationLeavesTheOldVersionDecryptOnly() {
        f.link();
        String v1 = f.ops.createKek(f.principal, f.tenant, "orders").uid();
        byte[] dek = f.random(32);
        EncryptResult old = f.ops.encrypt(f.principal, EncryptRequest.wrap(v1, CipherMode.KEY_WRAP_PAD, dek));
        String v2 = f.ops.rekey(f.principal, v1).uid();
        String v3 = f.ops.rekey(f.principal, v1).uid();
        assertThat(v3).isEqualTo("acme:orders:3");
        assertThat(f.ops.attributes(f.principal, v2).attributes().state()).isEqualTo(ObjectState.DEACTIVATED);
        assertThat(f.ops.decrypt(f.principal, DecryptRequest.unwrap(v1, CipherMode.KEY_WRAP_PAD, old.ciphertext()))).isEqualTo(dek);
        assertThat(code(() -> f.ops.encrypt(f.principal, EncryptRequest.wrap(v1, CipherMode.KEY_WRAP, dek))))
                .isEqualTo(ErrorCode.ILLEGAL_STATE);
        assertThat(f.ops.locate(f.principal, LocateQuery.any().withName("orders").withStates(Set.of(ObjectState.ACTIVE))))
                .containsExactly(v3);
    }

    @Test
    void revokeForCompromiseKeepsDecryptAndDestroyShredsTheVersion() {
        f.link();
        String v1 = f.ops.createKek(f.principal, f.tenant, "orders").uid();
        byte[] dek = f.random(32);
        EncryptResult sealed = f.ops.encrypt(f.principal, EncryptRequest.gcm(v1, dek, new byte[0]));
        assertThat(code(() -> f.ops.destroy(f.principal, v1))).isEqualTo(ErrorCode.ILLEGAL_STATE);
        assertThat(f.ops.revoke(f.principal, v1, RevocationReason.KEY_COMPROMISE).attributes().state())
                .isEqualTo(ObjectState.COMPROMISED);
        assertThat(f.ops.decrypt(f.principal, DecryptRequest.of(sealed, CipherMode.GCM, new byte[0]))).isEqualTo(dek);
        f.ops.destroy(f.principal, v1);
        assertThat(f.storage.delegate.object(v1).orElseThrow().wrappedBlob()).isEmpty();
        assertThat(code(() -> f.ops.decrypt(f.principal, DecryptRequest.of(sealed, CipherMode.GCM, new byte[0]))))
                .isEqualTo(ErrorCode.NOT_FOUND);
        f.commands.execute(new TenantCommand.Unlink(f.tenant));
        f.link();
        assertThat(code(() -> f.ops.decrypt(f.principal, DecryptRequest.of(sealed, CipherMode.GCM, new byte[0]))))
                .isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void gcmLimitForcesRotationAndIsPersistedAcrossRelinks() {
        f.link();
        String v1 = f.ops.createKek(f.principal, f.tenant, "orders").uid();
        for (int i = 0; i < 6; i++) {
            f.ops.encrypt(f.principal, EncryptRequest.gcm(v1, f.random(16), new byte[0]));
        }
        f.commands.execute(new TenantCommand.Unlink(f.tenant));
        f.link();
        int ok = 0;
        ErrorCode last = null;
        while (last == null && ok < 20) {
            last = code(() -> f.ops.encrypt(f.principal, EncryptRequest.gcm(v1, f.random(16), new byte[0])));
            ok += last == null ? 1 : 0;
        }
        assertThat(ok).as("invocations left after the relink, counted from storage").isLessThanOrEqualTo(4);
        assertThat(last).isEqualTo(ErrorCode.ILLEGAL_STATE);
        assertThat(f.ops.attributes(f.principal, v1).attributes().state()).isEqualTo(ObjectState.DEACTIVATED);
        assertThat(f.ops.attributes(f.principal, "acme:orders:2").attributes().state()).isEqualTo(ObjectState.ACTIVE);
        assertThat(f.ops.encrypt(f.principal, EncryptRequest.gcm("acme:orders:2", f.random(16), new byte[0])).uid())
                .isEqualTo("acme:orders:2");
    }

    @Test
    void wrongInputsAreInvalidNotCrypto() {
        f.link();
        String v1 = f.ops.createKek(f.principal, f.tenant, "orders").uid();
        assertThat(code(() -> f.ops.encrypt(f.principal, new EncryptRequest(v1, CipherMode.GCM, new byte[4], new byte[5], new byte[0]))))
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(code(() -> f.ops.encrypt(f.principal, new EncryptRequest(v1, CipherMode.KEY_WRAP, new byte[16], new byte[12], new byte[0]))))
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(code(() -> f.ops.decrypt(f.principal, DecryptRequest.gcm(v1, new byte[4], new byte[12], new byte[0], new byte[16]))))
                .isEqualTo(ErrorCode.CRYPTO);
        assertThat(code(() -> f.ops.decrypt(f.principal, DecryptRequest.gcm("acme:nope:1", new byte[4], new byte[12], new byte[0], new byte[16]))))
                .isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(code(() -> f.ops.decrypt(f.principal, DecryptRequest.gcm("garbage", new byte[4], new byte[12], new byte[0], new byte[16]))))
                .isEqualTo(ErrorCode.NOT_FOUND);
    }
}
