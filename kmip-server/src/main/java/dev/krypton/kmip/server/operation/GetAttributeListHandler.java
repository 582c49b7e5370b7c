package dev.krypton.kmip.server.operation;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.payload.GetAttributeList;

/**
 * Get Attribute List (KMIP 1.4 section 4.13, KMIP 2.1 section 6.1.20): the names of the object's
 * attributes that exist in the request's protocol version, each once.
 */
final class GetAttributeListHandler implements OperationHandler<GetAttributeList.Request> {

    @Override
    public Operation operation() {
        return Operation.GET_ATTRIBUTE_LIST;
    }

    @Override
    public Class<GetAttributeList.Request> requestType() {
        return GetAttributeList.Request.class;
    }

    @Override
    public ResponsePayload handle(RequestContext context, GetAttributeList.Request request) {
        String uid = context.uid(request.uniqueIdentifier());
        var keys = AttributeView.of(context.keys().attributes(context.principal(), uid,
                dev.krypton.engine.Operation.GET_ATTRIBUTES, operation().name()), context.version()).list().stream()
                .map(Attribute::key).distinct().toList();
        return new GetAttributeList.Response(uid, keys);
    }
}
