package dev.krypton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tenant-owned objects: stored under L2, KMIP state, attributes, Sensitive and Extractable. */
class TenantObjectsTest {

    private final Fixture f = new Fixture();

    @BeforeEach
    void link() {
        f.link();
    }

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
    void registeredSecretComesBackOnlyWhileTheTenantIsActive() {
        byte[] secret = "database password".getBytes();
        ManagedObject o = f.ops.register(f.principal, f.tenant, ObjectType.SECRET_DATA, secret,
                new ObjectTemplate(List.of("db"), "", 0, Set.of(), false, true, Map.of("x-app", List.of("billing")), true));
        assertThat(o.uid()).startsWith("acme:");
        assertThat(f.ops.material(f.principal, o.uid()).copy()).isEqualTo(secret);
        assertThat(f.storage.sawBytes(secret)).isFalse();
        f.commands.execute(new TenantCommand.Unlink(f.tenant));
        assertThat(code(() -> f.ops.material(f.principal, o.uid()))).isEqualTo(ErrorCode.PERMISSION_DENIED);
        f.link();
        assertThat(f.ops.material(f.principal, o.uid()).copy()).isEqualTo(secret);
        f.commands.execute(new TenantCommand.RotateTenantKey(f.tenant));
        assertThat(f.ops.material(f.principal, o.uid()).copy()).isEqualTo(secret);
    }

    @Test
    void digestIsTheSha256OfTheMaterialAndTheFirstGetIsRecorded() throws Exception {
        byte[] key = new byte[16];
        java.util.Arrays.fill(key, (byte) 7);
        ManagedObject o = f.ops.register(f.principal, f.tenant, ObjectType.SYMMETRIC_KEY, key.clone(),
                new ObjectTemplate(List.of("d"), "AES", 128, Set.of(KeyUsage.ENCRYPT), false, true, Map.of(), true));
        assertThat(o.attributes().digest()).contains(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(key)));
        assertThat(f.ops.attributes(f.principal, o.uid()).attributes().firstServed()).isEmpty();
        f.ops.material(f.principal, o.uid()).wipe();
        var served = f.ops.attributes(f.principal, o.uid()).attributes().firstServed();
        assertThat(served).isPresent();
        f.ops.material(f.principal, o.uid()).wipe();
        assertThat(f.ops.attributes(f.principal, o.uid()).attributes().firstServed()).isEqualTo(served);
    }

    @Test
    void anUndoLogPutsBackChangedObjectsAndDeletesCreatedOnes() {
        ManagedObject kept = f.ops.create(f.principal, f.tenant, ObjectTemplate.aes256("kept").withActivate(false));
        ManagedObject created;
        try (UndoLog log = f.ops.startUndoLog(f.principal)) {
            f.ops.activate(f.principal, kept.uid());
            f.ops.updateAttributes(f.principal, kept.uid(), List.of(new AttributeUpdate.SetNames(List.of("renamed"))));
            created = f.ops.create(f.principal, f.tenant, ObjectTemplate.aes256("created"));
            log.undo();
        }
        ObjectAttributes back = f.ops.attributes(f.principal, kept.uid()).attributes();
        assertThat(back.state()).isEqualTo(ObjectState.PRE_ACTIVE);
        assertThat(back.names()).containsExactly("kept");
        assertThat(code(() -> f.ops.attributes(f.principal, created.uid()))).isEqualTo(ErrorCode.NOT_FOUND);
        f.ops.activate(f.principal, kept.uid());
        assertThat(f.ops.attributes(f.principal, kept.uid()).attributes().state()).isEqualTo(ObjectState.ACTIVE);
    }

    @Test
    void anUndoLogRefusesToPutBackAKekChange() {
        ManagedObject object = f.ops.create(f.principal, f.tenant, ObjectTemplate.aes256("with-kek").withActivate(false));
        try (UndoLog log = f.ops.startUndoLog(f.principal)) {
            f.ops.activate(f.principal, object.uid());
            f.ops.createKek(f.principal, f.tenant, "undo-kek");
            assertThat(code(log::undo)).isEqualTo(ErrorCode.ILLEGAL_STATE);
        }
        assertThat(f.ops.attributes(f.principal, object.uid()).attributes().state()).isEqualTo(ObjectState.ACTIVE);
    }

    @Test
    void tripleDesKeysAreCreatedAndOtherKindsAreKeptWithoutDigest() {
        ManagedObject des3 = f.ops.create(f.principal, f.tenant,
                new ObjectTemplate(List.of("3des"), "3DES", 168, Set.of(KeyUsage.ENCRYPT), false, true, Map.of(), true));
        assertThat(des3.attributes().lengthBits()).isEqualTo(168);
        assertThat(f.ops.material(f.principal, des3.uid()).copy()).hasSize(24);
        byte[] encoded = {0x42, 0x00, 0x13, 0x01};
        ManagedObject certificate = f.ops.register(f.principal, f.tenant, ObjectType.CERTIFICATE, encoded.clone(),
                new ObjectTemplate(List.of("cert"), "", 0, Set.of(), false, true, Map.of(), true));
        assertThat(certificate.attributes().type()).isEqualTo(ObjectType.CERTIFICATE);
        assertThat(certificate.attributes().lengthBits()).isZero();
        assertThat(certificate.attributes().digest()).isEmpty();
        assertThat(f.ops.material(f.principal, certificate.uid()).copy()).isEqualTo(encoded);
        assertThat(code(() -> f.ops.create(f.principal, f.tenant, new ObjectTemplate(List.of(), "3DES", 112, Set.of(),
                false, true, Map.of(), true)))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void sensitiveOrNonExtractableObjectsAndKeksNeverLeave() {
        ManagedObject sensitive = f.ops.create(f.principal, f.tenant, ObjectTemplate.aes256("s").withSensitive(true));
        ManagedObject locked = f.ops.create(f.principal, f.tenant, ObjectTemplate.aes256("l").withExtractable(false));
        String kek = f.ops.createKek(f.principal, f.tenant, "k").uid();
        assertThat(code(() -> f.ops.material(f.principal, sensitive.uid()))).isEqualTo(ErrorCode.PERMISSION_DENIED);
        assertThat(code(() -> f.ops.material(f.principal, locked.uid()))).isEqualTo(ErrorCode.PERMISSION_DENIED);
        assertThat(code(() -> f.ops.material(f.principal, kek))).isEqualTo(ErrorCode.PERMISSION_DENIED);
        ManagedObject open = f.ops.create(f.principal, f.tenant, ObjectTemplate.aes256("o"));
        assertThat(f.ops.material(f.principal, open.uid()).copy()).hasSize(32);
        f.ops.updateAttributes(f.principal, open.uid(), List.of(new AttributeUpdate.SetSensitive(true)));
        assertThat(code(() -> f.ops.material(f.principal, open.uid()))).isEqualTo(ErrorCode.PERMISSION_DENIED);
        assertThat(code(() -> f.ops.updateAttributes(f.principal, open.uid(), List.of(new AttributeUpdate.SetSensitive(false)))))
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(code(() -> f.ops.updateAttributes(f.principal, locked.uid(), List.of(new AttributeUpdate.SetExtractable(true)))))
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void kmipStatesGovernUse() {
        ManagedObject key = f.ops.create(f.principal, f.tenant, ObjectTemplate.aes256("k").withActivate(false));
        assertThat(key.attributes().state()).isEqualTo(ObjectState.PRE_ACTIVE);
        assertThat(code(() -> f.ops.encrypt(f.principal, EncryptRequest.gcm(key.uid(), new byte[16], new byte[0]))))
                .isEqualTo(ErrorCode.ILLEGAL_STATE);
        assertThat(f.ops.activate(f.principal, key.uid()).attributes().activationDate()).isPresent();
        assertThat(code(() -> f.ops.activate(f.principal, key.uid()))).isEqualTo(ErrorCode.ILLEGAL_STATE);
        byte[] dek = f.random(32);
        EncryptResult sealed = f.ops.encrypt(f.principal, EncryptRequest.gcm(key.uid(), dek, "ctx".getBytes()));
        assertThat(code(() -> f.ops.destroy(f.principal, key.uid()))).isEqualTo(ErrorCode.ILLEGAL_STATE);
        f.ops.revoke(f.principal, key.uid(), RevocationReason.CESSATION_OF_OPERATION);
        assertThat(f.ops.decrypt(f.principal, DecryptRequest.of(sealed, CipherMode.GCM, "ctx".getBytes()))).isEqualTo(dek);
        assertThat(code(() -> f.ops.encrypt(f.principal, EncryptRequest.gcm(key.uid(), dek, new byte[0]))))
                .isEqualTo(ErrorCode.ILLEGAL_STATE);
        f.ops.destroy(f.principal, key.uid());
        assertThat(f.ops.attributes(f.principal, key.uid()).attributes().state()).isEqualTo(ObjectState.DESTROYED);
        assertThat(f.storage.delegate.object(key.uid()).orElseThrow().wrappedBlob()).isEmpty();
        assertThat(code(() -> f.ops.material(f.principal, key.uid()))).isEqualTo(ErrorCode.ILLEGAL_STATE);
    }

    @Test
    void attributesCanBeChangedAndLocated() {
        ManagedObject key = f.ops.create(f.principal, f.tenant, ObjectTemplate.aes256("first"));
        f.ops.updateAttributes(f.principal, key.uid(), List.of(new AttributeUpdate.SetNames(List.of("second")),
                new AttributeUpdate.SetCustom("x-owner", List.of("team-a"))));
        ManagedObject read = f.ops.attributes(f.principal, key.uid());
        assertThat(read.attributes().names()).containsExactly("second");
        assertThat(read.attributes().custom()).containsEntry("x-owner", List.of("team-a"));
        assertThat(f.ops.locate(f.principal, LocateQuery.any().withName("second"))).containsExactly(key.uid());
        assertThat(f.ops.locate(f.principal, LocateQuery.any().withName("first"))).isEmpty();
        assertThat(code(() -> f.ops.updateAttributes(f.principal, key.uid(), List.of(new AttributeUpdate.DeleteCustom("x-none")))))
                .isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void badMaterialIsRejected() {
        assertThat(code(() -> f.ops.register(f.principal, f.tenant, ObjectType.SYMMETRIC_KEY, new byte[20], ObjectTemplate.aes256("x"))))
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(code(() -> f.ops.register(f.principal, f.tenant, ObjectType.SECRET_DATA, new byte[0], ObjectTemplate.aes256("x"))))
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(code(() -> f.ops.create(f.principal, f.tenant,
                new ObjectTemplate(List.of(), "DES", 64, Set.of(), false, true, Map.of(), true)))).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }
}
