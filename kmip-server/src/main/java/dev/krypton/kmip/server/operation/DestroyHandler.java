package dev.krypton.kmip.server.operation;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.payload.Destroy;

/**
 * Destroy (KMIP 1.4 section 4.21, KMIP 2.1 section 6.1.15): crypto-shreds the object, which must
 * not be Active; for an L3 KEK version that makes every L4 it wrapped unrecoverable.
 */
final class DestroyHandler implements OperationHandler<Destroy.Request> {

    @Override
    public Operation operation() {
        return Operation.DESTROY;
    }

    @Override
    public Class<Destroy.Request> requestType() {
        return Destroy.Request.class;
    }

    @Override
    public ResponsePayload handle(RequestContext context, Destroy.Request request) {
        String uid = context.uid(request.uniqueIdentifier());
        context.keys().destroy(context.principal(), uid);
        return new Destroy.Response(uid);
    }
}
