package dev.krypton.kmip.server.operation;

import dev.krypton.engine.RevocationReason;
import dev.krypton.kmip.Operation;
import dev.krypton.kmip.RevocationReasonCode;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.payload.Revoke;

/**
 * Revoke (KMIP 1.4 section 4.20, KMIP 2.1 section 6.1.47): Key Compromise and CA Compromise make
 * the object Compromised, any other reason Deactivated; both still decrypt.
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
        context.keys().revoke(context.principal(), uid, reason(request.reason().code()));
        return new Revoke.Response(uid);
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
