package dev.krypton.kmip.server.operation;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.payload.SetAttribute;
import java.util.List;

/** Set Attribute (KMIP 2.1 section 6.1.51); see {@link AttributeEdits} for what may change. */
final class SetAttributeHandler implements OperationHandler<SetAttribute.Request> {

    @Override
    public Operation operation() {
        return Operation.SET_ATTRIBUTE;
    }

    @Override
    public Class<SetAttribute.Request> requestType() {
        return SetAttribute.Request.class;
    }

    @Override
    public ResponsePayload handle(RequestContext context, SetAttribute.Request request) {
        String uid = context.uid(request.uniqueIdentifier());
        context.keys().updateAttributes(context.principal(), uid,
                AttributeEdits.dated(AttributeEdits.set(request.newAttribute()), context.clock().instant()));
        return new SetAttribute.Response(uid);
    }
}
