package dev.krypton.kmip.server.operation;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.payload.AddAttribute;
import java.util.List;
import java.util.Optional;

/** Add Attribute (KMIP 1.4 section 4.15, KMIP 2.1 section 6.1.2); see {@link AttributeEdits} for what may change. */
final class AddAttributeHandler implements OperationHandler<AddAttribute.Request> {

    @Override
    public Operation operation() {
        return Operation.ADD_ATTRIBUTE;
    }

    @Override
    public Class<AddAttribute.Request> requestType() {
        return AddAttribute.Request.class;
    }

    @Override
    public ResponsePayload handle(RequestContext context, AddAttribute.Request request) {
        String uid = context.uid(request.uniqueIdentifier());
        var object = context.keys().attributes(context.principal(), uid,
                dev.krypton.engine.Operation.SET_ATTRIBUTES, operation().name());
        AttributeEdits.requireUniqueName(context, object, request.attribute());
        context.keys().updateAttributes(context.principal(), uid,
                AttributeEdits.dated(AttributeEdits.add(object, request.attribute()), context.clock().instant()));
        return new AddAttribute.Response(uid, Optional.of(request.attribute()));
    }
}
