package dev.krypton.kmip.server.operation;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.payload.Activate;

/** Activate (KMIP 1.4 section 4.19, KMIP 2.1 section 6.1.1): Pre-Active to Active. */
final class ActivateHandler implements OperationHandler<Activate.Request> {

    @Override
    public Operation operation() {
        return Operation.ACTIVATE;
    }

    @Override
    public Class<Activate.Request> requestType() {
        return Activate.Request.class;
    }

    @Override
    public ResponsePayload handle(RequestContext context, Activate.Request request) {
        String uid = context.uid(request.uniqueIdentifier());
        context.keys().activate(context.principal(), uid);
        return new Activate.Response(uid);
    }
}
