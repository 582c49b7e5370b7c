package dev.krypton.kmip.server.operation;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.payload.DeleteAttribute;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Delete Attribute (KMIP 1.4 section 4.17, KMIP 2.1 section 6.1.10); see {@link AttributeEdits} for
 * what may change. A KMIP 1.x response carries the deleted instance, as KMIP 1.4 asks.
 */
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
        var object = context.keys().attributes(context.principal(), uid,
                dev.krypton.engine.Operation.SET_ATTRIBUTES, operation().name());
        var update = AttributeEdits.delete(object, request.attribute(), request.index(), request.current());
        Optional<Attribute> deleted = request.current();
        if (!context.version().isV2()) {
            List<Ttlv> values = AttributeView.of(object, context.version()).values(request.attribute());
            int at = request.index().orElse(0);
            deleted = at < values.size() ? Optional.of(new Attribute(request.attribute(), values.get(at), OptionalInt.empty()))
                    : Optional.empty();
        }
        context.keys().updateAttributes(context.principal(), uid, AttributeEdits.dated(update, context.clock().instant()));
        return new DeleteAttribute.Response(uid, deleted);
    }
}
