package dev.krypton.kmip.server.operation;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.payload.Interop;
import java.lang.System.Logger.Level;

/**
 * Interop (KMIP 2.1 section 6.1.25): a client marks the Begin, End or Reset of an interoperability
 * test case. This server keeps no per-test-case state, so every function only succeeds and is
 * logged with the principal and the test case identifier.
 */
final class InteropHandler implements OperationHandler<Interop.Request> {

    private static final System.Logger LOG = System.getLogger(InteropHandler.class.getName());

    @Override
    public Operation operation() {
        return Operation.INTEROP;
    }

    @Override
    public Class<Interop.Request> requestType() {
        return Interop.Request.class;
    }

    @Override
    public ResponsePayload handle(RequestContext context, Interop.Request request) {
        LOG.log(Level.INFO, "Interop {0} of {1} by {2}", request.function().specName(),
                LogHandler.printable(request.identifier()), context.principal().name());
        return new Interop.Response();
    }
}
