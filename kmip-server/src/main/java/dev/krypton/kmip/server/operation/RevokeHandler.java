package dev.krypton.kmip.server.operation;

import dev.krypton.engine.AttributeUpdate;
import dev.krypton.engine.ManagedObject;
import dev.krypton.engine.RevocationReason;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.AttributeDef;
import java.util.ArrayList;
import java.util.List;
import dev.krypton.kmip.Operation;
import dev.krypton.kmip.RevocationReasonCode;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.payload.Revoke;

/**
 * Revoke (KMIP 1.4 section 4.20, KMIP 2.1 section 6.1.47): Key Compromise and CA Compromise make
 * the object Compromised, any other reason Deactivated; both still decrypt. The Revocation Reason
 * and Compromise Occurrence Date of a tenant object are kept as {@link StoredAttributes}.
 */
final class RevokeHandler implements OperationHandler<Revoke.Request> {

    @Override
    public Operation operation() {
        return Operation.REVOKE;
    }

    @Override
    public Class<Revoke.Request> requestType() {
        return Revoke.Request.class;
    }

    @Override
    public ResponsePayload handle(RequestContext context, Revoke.Request request) {
        String uid = context.uid(request.uniqueIdentifier());
        ManagedObject revoked = context.keys().revoke(context.principal(), uid, reason(request.reason().code()));
        if (revoked.kind() == ManagedObject.Kind.TENANT_OBJECT) {
            List<Ttlv> reason = new ArrayList<>();
            reason.add(Ttlv.Enumeration.of(Tag.REVOCATION_REASON_CODE, request.reason().code()));
            request.reason().message().ifPresent(m -> reason.add(new Ttlv.TextString(Tag.REVOCATION_MESSAGE, m)));
            List<AttributeUpdate> updates = new ArrayList<>(List.of(stored(Attribute.of(AttributeDef.REVOCATION_REASON,
                    new Ttlv.Structure(Tag.REVOCATION_REASON, reason)))));
            request.compromiseOccurrenceDate().ifPresent(d ->
                    updates.add(stored(Attribute.date(AttributeDef.COMPROMISE_OCCURRENCE_DATE, d))));
            context.keys().updateAttributes(context.principal(), uid, updates);
        }
        return new Revoke.Response(uid);
    }

    private static AttributeUpdate stored(Attribute a) {
        return new AttributeUpdate.SetCustom(a.key().v1Name(), List.of(StoredAttributes.encode(a)));
    }

    static RevocationReason reason(RevocationReasonCode code) {
        return switch (code) {
            case UNSPECIFIED -> RevocationReason.UNSPECIFIED;
            case KEY_COMPROMISE -> RevocationReason.KEY_COMPROMISE;
            case CA_COMPROMISE -> RevocationReason.CA_COMPROMISE;
            case AFFILIATION_CHANGED -> RevocationReason.AFFILIATION_CHANGED;
            case SUPERSEDED -> RevocationReason.SUPERSEDED;
            case CESSATION_OF_OPERATION -> RevocationReason.CESSATION_OF_OPERATION;
            case PRIVILEGE_WITHDRAWN -> RevocationReason.PRIVILEGE_WITHDRAWN;
        };
    }
}
