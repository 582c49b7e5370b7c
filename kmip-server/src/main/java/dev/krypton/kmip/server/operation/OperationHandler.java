package dev.krypton.kmip.server.operation;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.message.RequestPayload;
import dev.krypton.kmip.message.ResponsePayload;

/**
 * The server side of one KMIP operation: turns its typed request payload into engine calls and
 * the result into its response payload. Failures are thrown as {@code EngineException} (from the
 * engine) or {@code KmipException} (with the KMIP result reason); the dispatcher maps both.
 *
 * @param <Q> the operation's request payload record
 */
public interface OperationHandler<Q extends RequestPayload> {

    /** The operation served. */
    Operation operation();

    /** The request payload record this handler reads. */
    Class<Q> requestType();

    /** Performs one batch item. */
    ResponsePayload handle(RequestContext context, Q request);
}
