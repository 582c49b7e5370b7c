package dev.krypton.kmip.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.engine.audit.AuditEvent;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.AttributeKey;
import dev.krypton.kmip.client.KmipOperations;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * A hostile client's refused operations on another tenant's object are audited under the
 * operation it asked for, not under the attribute read the server does first.
 */
class RefusalAuditTest {

    @Test
    void eachRefusedOperationIsAuditedUnderItsOwnName() {
        try (var fixture = new ServerFixture()) {
            KmipOperations acme = fixture.client("acme");
            KmipOperations globex = fixture.client("globex");
            String uid = acme.create(ObjectType.SYMMETRIC_KEY, TenantObjectsTest.aes("target")).uniqueIdentifier();
            expectDenial(fixture, () -> globex.get(uid), "GET");
            expectDenial(fixture, () -> globex.addAttribute(uid, Attribute.objectGroup("x")), "ADD_ATTRIBUTE");
            expectDenial(fixture, () -> globex.modifyAttribute(uid, Optional.empty(), Attribute.name("renamed")),
                    "MODIFY_ATTRIBUTE");
            expectDenial(fixture, () -> globex.deleteAttribute(uid, new AttributeKey.Standard(
                    dev.krypton.kmip.attribute.AttributeDef.OBJECT_GROUP), OptionalInt.empty()), "DELETE_ATTRIBUTE");
            expectDenial(fixture, () -> globex.check(uid, OptionalInt.empty()), "CHECK");
            expectDenial(fixture, () -> globex.getAttributeList(uid), "GET_ATTRIBUTE_LIST");
            expectDenial(fixture, () -> globex.getAttributes(uid, List.of()), "GET_ATTRIBUTES");
        }
    }

    private static void expectDenial(ServerFixture fixture, ThrowingCallable call, String action) {
        fixture.denials.clear();
        assertThatThrownBy(call).isInstanceOfSatisfying(KmipException.class,
                e -> assertThat(e.reason()).isEqualTo(ResultReason.PERMISSION_DENIED));
        assertThat(fixture.denials).extracting(AuditEvent::action).containsExactly(action);
        assertThat(fixture.denials).allSatisfy(e -> assertThat(e.actor()).isEqualTo("globex"));
    }
}
