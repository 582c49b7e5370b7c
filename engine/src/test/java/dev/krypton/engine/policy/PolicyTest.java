package dev.krypton.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.engine.EngineException;
import dev.krypton.engine.ErrorCode;
import dev.krypton.engine.Operation;
import dev.krypton.engine.Principal;
import dev.krypton.engine.TenantId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");

    @Test
    void defaultDenyAllowsNothing() {
        Policy p = PolicyParser.parse("{}");
        assertThat(p.allows(Principal.of("acme"), ACME, Operation.DECRYPT)).isFalse();
    }

    @Test
    void grantAllowsOnlyItsTenantsAndOperations() {
        Policy p = PolicyParser.parse("""
                grants:
                  - principal: gw-1
                    tenants: [acme]
                    operations: [encrypt, decrypt]
                """);
        Principal gw = Principal.of("gw-1");
        assertThat(p.allows(gw, ACME, Operation.DECRYPT)).isTrue();
        assertThat(p.allows(gw, ACME, Operation.DESTROY)).isFalse();
        assertThat(p.allows(gw, GLOBEX, Operation.DECRYPT)).isFalse();
        assertThat(p.allows(Principal.of("gw-2"), ACME, Operation.DECRYPT)).isFalse();
        assertThat(p.tenantsFor(gw, Operation.ENCRYPT, List.of(ACME, GLOBEX))).containsExactly(ACME);
    }

    @Test
    void wildcardsCoverEveryTenantAndOperation() {
        Policy p = PolicyParser.parse("{\"grants\":[{\"principal\":\"admin\",\"tenants\":[\"*\"],\"operations\":[\"*\"]}]}");
        assertThat(p.allows(Principal.of("admin"), GLOBEX, Operation.REKEY)).isTrue();
    }

    @Test
    void upstreamModeLetsAPrincipalNamedLikeATenantOwnIt() {
        Policy p = PolicyParser.parse("upstream: true");
        assertThat(p.allows(Principal.of("acme"), ACME, Operation.DESTROY)).isTrue();
        assertThat(p.allows(Principal.of("acme"), GLOBEX, Operation.DECRYPT)).isFalse();
        assertThat(Policy.upstreamOnly().allows(Principal.of("globex"), GLOBEX, Operation.ENCRYPT)).isTrue();
    }

    @Test
    void unauthenticatedModesAreAllowedUnlessThePolicySaysFalse() {
        assertThat(PolicyParser.parse("upstream: true").unauthenticatedModes()).isTrue();
        assertThat(Policy.denyAll().unauthenticatedModes()).isTrue();
        assertThat(PolicyParser.parse("unauthenticated_modes: false").unauthenticatedModes()).isFalse();
        assertThat(PolicyParser.parse("unauthenticated_modes: true").unauthenticatedModes()).isTrue();
        assertThatThrownBy(() -> PolicyParser.parse("unauthenticated_modes: no-thanks"))
                .hasMessageContaining("unauthenticated_modes: must be true or false");
    }

    @Test
    void unknownOperationIsRejectedWithItsPath() {
        assertThatThrownBy(() -> PolicyParser.parse("""
                grants:
                  - principal: gw-1
                    tenants: [acme]
                    operations: [encrypt]
                  - principal: gw-2
                    tenants: [acme]
                    operations: [decrypt, get, encrpt]
                """))
                .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("grants[1].operations[2]: unknown operation 'encrpt'");
    }

    @Test
    void unknownKeyWrongTypeAndBadTenantAreRejectedWithTheirPath() {
        assertThatThrownBy(() -> PolicyParser.parse("upstrem: true")).hasMessageContaining("unknown key 'upstrem'");
        assertThatThrownBy(() -> PolicyParser.parse("upstream: yes please")).hasMessageContaining("upstream: must be true or false");
        assertThatThrownBy(() -> PolicyParser.parse("grants: {}")).hasMessageContaining("grants: must be a list");
        assertThatThrownBy(() -> PolicyParser.parse("grants: [{principal: x, tenants: ['a:b'], operations: [get]}]"))
                .hasMessageContaining("grants[0].tenants[0]: 'a:b' is not a tenant id");
        assertThatThrownBy(() -> PolicyParser.parse("grants: [{tenants: [a], operations: [get]}]"))
                .hasMessageContaining("grants[0].principal: required");
        assertThatThrownBy(() -> PolicyParser.parse("grants: [{principal: x, operations: [get]}]"))
                .hasMessageContaining("grants[0].tenants: required");
        assertThatThrownBy(() -> PolicyParser.parse("grants: [ {")).hasMessageContaining("not valid YAML or JSON");
        assertThatThrownBy(() -> PolicyParser.parse("")).hasMessageContaining("empty");
    }
}
