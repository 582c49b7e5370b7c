package dev.krypton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.engine.audit.AuditKind;
import dev.krypton.engine.policy.PolicyParser;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Policy decides before anything else; every denial is audited. */
class PolicyEnforcementTest {

    private final Fixture f = new Fixture(EngineOptions.defaults(), PolicyParser.parse("""
            upstream: true
            grants:
              - principal: gw-read
                tenants: [acme]
                operations: [decrypt, locate, get_attributes]
            """));

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
    void grantsAndUpstreamOwnershipAreTheOnlyWaysIn() {
        f.link();
        f.commands.execute(new TenantCommand.Link(TenantId.of("globex"), f.rootKey));
        String uid = f.ops.createKek(f.principal, f.tenant, "k").uid();
        EncryptResult sealed = f.ops.encrypt(f.principal, EncryptRequest.gcm(uid, new byte[32], new byte[0]));
        Principal reader = Principal.of("gw-read");
        Principal globex = Principal.of("globex");
        Principal stranger = Principal.of("stranger");

        assertThat(f.ops.decrypt(reader, DecryptRequest.of(sealed, CipherMode.GCM, new byte[0]))).hasSize(32);
        assertThat(code(() -> f.ops.encrypt(reader, EncryptRequest.gcm(uid, new byte[32], new byte[0]))))
                .isEqualTo(ErrorCode.PERMISSION_DENIED);
        assertThat(code(() -> f.ops.decrypt(globex, DecryptRequest.of(sealed, CipherMode.GCM, new byte[0]))))
                .as("another tenant's principal").isEqualTo(ErrorCode.PERMISSION_DENIED);
        assertThat(code(() -> f.ops.attributes(stranger, "acme:does-not-exist:1")))
                .as("denied before existence is revealed").isEqualTo(ErrorCode.PERMISSION_DENIED);
        assertThat(f.ops.tenantsAllowed(reader, Operation.DECRYPT)).containsExactly(f.tenant);
        assertThat(f.ops.defaultTenant(globex)).contains(TenantId.of("globex"));
        assertThat(f.ops.defaultTenant(stranger)).isEmpty();
        assertThat(f.ops.locate(globex, LocateQuery.any())).isEmpty();
        assertThat(code(() -> f.ops.locate(globex, LocateQuery.any().withTenant(f.tenant)))).isEqualTo(ErrorCode.PERMISSION_DENIED);
        assertThat(f.ops.locate(reader, LocateQuery.any())).containsExactly(uid);

        assertThat(f.audit.events).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(AuditKind.DENIAL);
            assertThat(e.actor()).isEqualTo("gw-read");
            assertThat(e.action()).isEqualTo("ENCRYPT");
            assertThat(e.tenant()).isEqualTo("acme");
            assertThat(e.object()).isEqualTo(uid);
        });
        assertThat(f.audit.events).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(AuditKind.OPERATION);
            assertThat(e.actor()).isEqualTo("gw-read");
            assertThat(e.action()).isEqualTo("DECRYPT");
            assertThat(e.result()).isEqualTo("ok");
        });
    }

    @Test
    void operationsOnANonActiveTenantAreDeniedAndAudited() {
        f.link();
        String uid = f.ops.createKek(f.principal, f.tenant, "k").uid();
        f.commands.execute(new TenantCommand.Disable(f.tenant));
        assertThat(code(() -> f.ops.encrypt(f.principal, EncryptRequest.gcm(uid, new byte[32], new byte[0]))))
                .isEqualTo(ErrorCode.PERMISSION_DENIED);
        assertThat(code(() -> f.ops.createKek(f.principal, f.tenant, "k2"))).isEqualTo(ErrorCode.PERMISSION_DENIED);
        assertThat(f.ops.locate(f.principal, LocateQuery.any().withStates(Set.of(ObjectState.ACTIVE)))).isEmpty();
        assertThat(f.audit.events).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(AuditKind.DENIAL);
            assertThat(e.action()).isEqualTo("ENCRYPT");
        });
    }
}
