package dev.krypton.kmip.server.operation;

import dev.krypton.engine.ManagedObject;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.Operation;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.payload.Check;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Check (KMIP 1.4 section 4.10, KMIP 2.1 section 6.1.7): whether the object exists, may be seen by
 * the principal, and allows every usage in the given Cryptographic Usage Mask (otherwise Incompatible
 * Cryptographic Usage Mask in KMIP 2.x, Permission Denied in 1.x). Objects here have no usage
 * limits or leases, so those checks always pass.
 */
final class CheckHandler implements OperationHandler<Check.Request> {

    @Override
    public Operation operation() {
        return Operation.CHECK;
    }

    @Override
    public Class<Check.Request> requestType() {
        return Check.Request.class;
    }

    @Override
    public ResponsePayload handle(RequestContext context, Check.Request request) {
        String uid = context.uid(request.uniqueIdentifier());
        ManagedObject object = context.keys().attributes(context.principal(), uid,
                dev.krypton.engine.Operation.GET_ATTRIBUTES, operation().name());
        if (request.cryptographicUsageMask().isPresent()) {
            int asked = request.cryptographicUsageMask().getAsInt();
            int allowed = UsageMasks.mask(object.attributes().usage());
            if ((asked & ~allowed) != 0) {
                throw new KmipException(ResultReason.INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK,
                        "the object does not allow every usage asked for");
            }
        }
        return new Check.Response(uid, OptionalLong.empty(), OptionalInt.empty(), OptionalLong.empty());
    }
}
