package dev.krypton.kmip.server.operation;

import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.Operation;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.payload.ReKey;

/**
 * Re-key (KMIP 1.4 section 4.4, KMIP 2.1 section 6.1.44) of an L3 KEK version: a new Active
 * version {@code <tenant>:<kek>:<n+1>}, the previous one Deactivated (decrypt only). Offset and
 * extra attributes are not supported. The new identifier becomes the ID Placeholder.
 */
final class ReKeyHandler implements OperationHandler<ReKey.Request> {

    @Override
    public Operation operation() {
        return Operation.RE_KEY;
    }

    @Override
    public Class<ReKey.Request> requestType() {
        return ReKey.Request.class;
    }

    @Override
    public ResponsePayload handle(RequestContext context, ReKey.Request request) {
        if (request.offset().isPresent() || !request.attributes().isEmpty()) {
            throw new KmipException(ResultReason.FEATURE_NOT_SUPPORTED, "Re-key with Offset or attributes is not supported");
        }
        String uid = context.uid(request.uniqueIdentifier());
        var next = context.keys().rekey(context.principal(), uid);
        return new ReKey.Response(context.remember(next.uid()), Attributes.empty());
    }
}
