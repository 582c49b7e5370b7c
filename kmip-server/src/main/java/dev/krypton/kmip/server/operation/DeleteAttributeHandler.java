package dev.krypton.kmip.server.operation;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.payload.DeleteAttribute;
import java.util.List;

/** Delete Attribute (KMIP 1.4 section 4.17, KMIP 2.1 section 6.1.10); see {@link AttributeEdits} for what may change. */
final class DeleteAttributeHandler implements OperationHandler<DeleteAttribute.Request> {

    @Override
    public Operation operation() {
        return Operation.DELETE_ATTRIBUTE;
    }

    @Override
    public Class<DeleteAttribute.Request> requestType() {
        return DeleteAttribute.Request.class;
    }

    @Override
    public ResponsePayload handle(RequestContext context, DeleteAttribute.Request request) {
        String uid = context.uid(request.uniqueIdentifier());
        var object = context.keys().attributes(context.principal(), uid);
        var update = AttributeEdits.delete(object, request.attribute(), request.index(), request.current());
        context.keys().updateAttributes(context.principal(), uid, AttributeEdits.dated(update, context.clock().instant()));
        return new DeleteAttribute.Response(uid, request.current());
    }
}
