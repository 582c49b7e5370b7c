package dev.krypton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.engine.audit.AuditEvent;
import dev.krypton.storage.ManagedObjectRecord;
import dev.krypton.storage.ObjectKind;
import dev.krypton.storage.ObjectQuery;
import dev.krypton.storage.PageRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Storage is untrusted (docs/design.md section 5): across a busy life of a tenant, no byte string the
 * engine writes contains any plaintext L2, L3, tenant-object material or L4, not even a 12-byte
 * piece of one. The L3s are recovered here independently with JCE from the stored blob and AAD
 * under the spied L2, which also proves the blob layout {@code nonce(12)||ct||tag(16)} and AAD.
 * The audit trail is checked the same way, and for the caller's AAD.
 */
class NoPlaintextInStorageTest {

    private static final int PIECE = 12;

    @Test
    void storageAndAuditNeverSeePlaintextKeys() throws Exception {
        try (Fixture f = new Fixture()) {
            List<byte[]> secrets = new ArrayList<>();
            byte[] callerAad = "order-4711-customer-aad".getBytes(StandardCharsets.UTF_8);
            f.link();
            String kek = f.ops.createKek(f.principal, f.tenant, "payments").uid();
            for (int i = 0; i < 50; i++) {
                byte[] dek = f.random(32);
                secrets.add(dek);
                f.ops.encrypt(f.principal, EncryptRequest.gcm(kek, dek, callerAad));
                f.ops.encrypt(f.principal, EncryptRequest.wrap(kek, CipherMode.KEY_WRAP_PAD, dek));
            }
            byte[] secret = f.random(48);
            secrets.add(secret);
            f.ops.register(f.principal, f.tenant, ObjectType.SECRET_DATA, secret, ObjectTemplate.aes256("s"));
            f.ops.create(f.principal, f.tenant, ObjectTemplate.aes256("k"));
            f.ops.rekey(f.principal, kek);
            f.commands.execute(new TenantCommand.RotateTenantKey(f.tenant));
            f.commands.execute(new TenantCommand.SwitchRootKey(f.tenant, f.otherRootKey));
            f.commands.execute(new TenantCommand.Unlink(f.tenant));
            f.commands.execute(new TenantCommand.Link(f.tenant, f.otherRootKey));
            f.ops.createKek(f.principal, f.tenant, "late");

            List<byte[]> l2s = new ArrayList<>();
            for (byte[] l2 : f.wrappedL2s) {
                if (l2s.stream().noneMatch(x -> Arrays.equals(x, l2))) {
                    l2s.add(l2);
                }
            }
            assertThat(l2s).as("first link and the tenant-key rotation each made an L2").hasSize(2);
            secrets.addAll(l2s);
            int keks = 0;
            int objects = 0;
            for (ManagedObjectRecord r : f.storage.delegate.objects(ObjectQuery.tenant("acme"), PageRequest.first(1000)).items()) {
                byte[] plain = openUnderAnyL2(r, l2s).orElseThrow(
                        () -> new AssertionError(r.uid() + " does not open under any L2 with its stored AAD"));
                secrets.add(plain);
                if (r.kind() == ObjectKind.KEK) {
                    keks++;
                    assertThat(plain).hasSize(32);
                    assertThat(r.wrappedBlob()).hasSize(12 + 32 + 16);
                } else {
                    objects++;
                }
            }
            ManagedObjectRecord any = f.storage.delegate.object(kek).orElseThrow();
            assertThat(f.storage.sawBytes(Arrays.copyOfRange(any.wrappedBlob(), 20, 20 + PIECE)))
                    .as("the inspector does find pieces of what was written").isTrue();
            assertThat(keks).isEqualTo(3);
            assertThat(objects).isEqualTo(2);

            for (byte[] s : secrets) {
                for (int at = 0; at + PIECE <= s.length; at++) {
                    byte[] piece = Arrays.copyOfRange(s, at, at + PIECE);
                    assertThat(f.storage.sawBytes(piece)).as("a plaintext key piece reached storage").isFalse();
                }
            }
            String audit = f.audit.events.stream().map(AuditEvent::toString).reduce("", String::concat);
            assertThat(audit).doesNotContain(new String(callerAad, StandardCharsets.UTF_8));
            for (byte[] s : secrets) {
                assertThat(audit).doesNotContain(HexFormat.of().formatHex(s, 0, PIECE))
                        .doesNotContain(Base64.getEncoder().encodeToString(Arrays.copyOf(s, PIECE)));
            }
        }
    }

    private static Optional<byte[]> openUnderAnyL2(ManagedObjectRecord r, List<byte[]> l2s) throws Exception {
        byte[] blob = r.wrappedBlob();
        for (byte[] l2 : l2s) {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(l2, "AES"), new GCMParameterSpec(128, blob, 0, 12));
            gcm.updateAAD(r.aad());
            try {
                return Optional.of(gcm.doFinal(blob, 12, blob.length - 12));
            } catch (javax.crypto.AEADBadTagException wrongL2) {
                continue;
            }
        }
        return Optional.empty();
    }
}
