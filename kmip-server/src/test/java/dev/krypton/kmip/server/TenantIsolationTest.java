package dev.krypton.kmip.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.engine.TenantCommand;
import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.RevocationReasonCode;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.attribute.CryptographicParameters;
import dev.krypton.kmip.client.KmipOperations;
import dev.krypton.kmip.message.Bytes;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Wrong tenant, a principal with several tenants, and the kill switch, seen from KMIP. */
class TenantIsolationTest {

    private static void denied(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KmipException.class,
                e -> assertThat(e.reason()).isEqualTo(ResultReason.PERMISSION_DENIED));
    }

    @Test
    void anotherTenantsPrincipalIsDeniedEveryOperationOnTheObject() {
        try (var fixture = new ServerFixture()) {
            KmipOperations acme = fixture.client("acme");
            KmipOperations globex = fixture.client("globex");
            String kek = KekOperationsTest.createKek(acme, "mine");
            var gcm = CryptographicParameters.aesGcm(16);
            var enc = acme.encrypt(kek, gcm, Bytes.of(new byte[32]), Optional.empty(), Optional.empty());
            denied(() -> globex.encrypt(kek, gcm, Bytes.of(new byte[32]), Optional.empty(), Optional.empty()));
            denied(() -> globex.decrypt(kek, gcm, enc.data().orElseThrow(), enc.ivCounterNonce(), Optional.empty(), enc.tag()));
            denied(() -> globex.getAttributes(kek, List.of()));
            denied(() -> globex.reKey(kek));
            denied(() -> globex.revoke(kek, RevocationReasonCode.KEY_COMPROMISE));
            denied(() -> globex.destroy(kek));
            assertThat(globex.locate(Attributes.of(Attribute.name("mine")))).isEmpty();
            denied(() -> globex.create(ObjectType.SYMMETRIC_KEY, Attributes.of(Attribute.name("x"),
                    Attribute.objectGroup("kek"), Attribute.objectGroup("acme"))));
        }
    }

    @Test
    void aPrincipalWithSeveralTenantsNamesOneInObjectGroup() {
        try (var fixture = new ServerFixture()) {
            KmipOperations ops = fixture.client("ops");
            var noTenant = Attributes.of(Attribute.name("k"), Attribute.objectGroup("kek"));
            assertThatThrownBy(() -> ops.create(ObjectType.SYMMETRIC_KEY, noTenant)).isInstanceOfSatisfying(KmipException.class,
                    e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_FIELD));
            String uid = ops.create(ObjectType.SYMMETRIC_KEY, noTenant.with(Attribute.objectGroup("globex"))).uniqueIdentifier();
            assertThat(uid).isEqualTo("globex:k:1");
            denied(() -> fixture.client("acme").getAttributes(uid, List.of()));
            denied(() -> fixture.client("nobody").create(ObjectType.SYMMETRIC_KEY, Attributes.of(Attribute.name("n"),
                    Attribute.cryptographicAlgorithm(CryptographicAlgorithm.AES), Attribute.cryptographicLength(256))));
        }
    }

    @Test
    void afterUnlinkEveryOperationOfThatTenantIsDeniedAndOthersContinue() {
        try (var fixture = new ServerFixture()) {
            KmipOperations acme = fixture.client("acme");
            KmipOperations globex = fixture.client("globex");
            String kek = KekOperationsTest.createKek(acme, "killed");
            String other = KekOperationsTest.createKek(globex, "alive");
            var gcm = CryptographicParameters.aesGcm(16);
            var enc = acme.encrypt(kek, gcm, Bytes.of(new byte[32]), Optional.empty(), Optional.empty());
            fixture.engine.commands().execute(new TenantCommand.Unlink(ServerFixture.ACME));
            denied(() -> acme.decrypt(kek, gcm, enc.data().orElseThrow(), enc.ivCounterNonce(), Optional.empty(), enc.tag()));
            denied(() -> acme.encrypt(kek, gcm, Bytes.of(new byte[32]), Optional.empty(), Optional.empty()));
            denied(() -> acme.getAttributes(kek, List.of()));
            denied(() -> acme.reKey(kek));
            denied(() -> acme.revoke(kek, RevocationReasonCode.UNSPECIFIED));
            denied(() -> acme.destroy(kek));
            denied(() -> KekOperationsTest.createKek(acme, "new"));
            assertThat(acme.locate(Attributes.of(Attribute.objectGroup("kek")))).isEmpty();
            assertThat(globex.encrypt(other, gcm, Bytes.of(new byte[32]), Optional.empty(), Optional.empty()).data()).isPresent();
        }
    }
}
