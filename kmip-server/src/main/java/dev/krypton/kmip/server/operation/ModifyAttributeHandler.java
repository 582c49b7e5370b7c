package dev.krypton.kmip.server.operation;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.payload.ModifyAttribute;
import java.util.List;
import java.util.Optional;

/** Modify Attribute (KMIP 1.4 section 4.16, KMIP 2.1 section 6.1.32); see {@link AttributeEdits} for what may change. */
final class ModifyAttributeHandler implements OperationHandler<ModifyAttribute.Request> {

    @Override
    public Operation operation() {
        return Operation.MODIFY_ATTRIBUTE;
    }

    @Override
    public Class<ModifyAttribute.Request> requestType() {
        return ModifyAttribute.Request.class;
    }

    @Override
    public ResponsePayload handle(RequestContext context, ModifyAttribute.Request request) {
        String uid = context.uid(request.uniqueIdentifier());
        var object = context.keys().attributes(context.principal(), uid,
                dev.krypton.engine.Operation.SET_ATTRIBUTES, operation().name());
        AttributeEdits.requireUniqueName(context, object, request.newAttribute());
        var update = AttributeEdits.modify(object, request.current(), request.newAttribute());
        context.keys().updateAttributes(context.principal(), uid, AttributeEdits.dated(update, context.clock().instant()));
        return new ModifyAttribute.Response(uid, Optional.of(request.newAttribute()));
    }
}
