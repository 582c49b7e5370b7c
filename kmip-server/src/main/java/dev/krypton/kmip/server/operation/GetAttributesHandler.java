package dev.krypton.kmip.server.operation;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.payload.GetAttributes;

/**
 * Get Attributes (KMIP 1.4 section 4.12, KMIP 2.1 section 6.1.21): the object's attributes that
 * exist in the request's protocol version; all of them when none are named, else those named
 * (an attribute the object lacks is simply absent).
 */
final class GetAttributesHandler implements OperationHandler<GetAttributes.Request> {

    @Override
    public Operation operation() {
        return Operation.GET_ATTRIBUTES;
    }

    @Override
    public Class<GetAttributes.Request> requestType() {
        return GetAttributes.Request.class;
    }

    @Override
    public ResponsePayload handle(RequestContext context, GetAttributes.Request request) {
        String uid = context.uid(request.uniqueIdentifier());
        Attributes all = AttributeView.of(context.keys().attributes(context.principal(), uid), context.version());
        Attributes out = request.attributes().isEmpty() ? all
                : new Attributes(all.list().stream().filter(a -> request.attributes().contains(a.key())).toList());
        return new GetAttributes.Response(uid, out);
    }
}
