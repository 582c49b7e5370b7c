package dev.krypton.kmip.server.operation;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.payload.Log;
import java.lang.System.Logger.Level;

/**
 * Log (KMIP 2.1 section 6.1.27): writes the client's Log Message to the server log with the
 * principal, control characters replaced and cut at {@value #MAX_LOGGED} characters so a client
 * cannot forge log lines or flood the log.
 */
final class LogHandler implements OperationHandler<Log.Request> {

    static final int MAX_LOGGED = 512;
    private static final System.Logger LOG = System.getLogger(LogHandler.class.getName());

    @Override
    public Operation operation() {
        return Operation.LOG;
    }

    @Override
    public Class<Log.Request> requestType() {
        return Log.Request.class;
    }

    @Override
    public ResponsePayload handle(RequestContext context, Log.Request request) {
        LOG.log(Level.INFO, "client log from {0}: {1}", context.principal().name(), printable(request.message()));
        return new Log.Response();
    }

    /** {@code text} with control characters as '?' and cut at {@value #MAX_LOGGED} characters. */
    static String printable(String text) {
        String cut = text.length() > MAX_LOGGED ? text.substring(0, MAX_LOGGED) + "..." : text;
        StringBuilder out = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
