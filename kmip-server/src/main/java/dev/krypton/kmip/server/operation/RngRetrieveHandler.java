package dev.krypton.kmip.server.operation;

import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.Operation;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.payload.RngRetrieve;

/**
 * RNG Retrieve (KMIP 1.4 section 4.35, KMIP 2.1 section 6.1.48): 1 to the configured maximum
 * random bytes from the crypto engine's generator (OpenSSL RAND_bytes, the DRBG that also makes
 * Krypton's keys; the JDK's SecureRandom with the JCE engine). Any authenticated principal may ask:
 * the bytes belong to no tenant. A Data Length outside the range is Invalid Field.
 */
final class RngRetrieveHandler implements OperationHandler<RngRetrieve.Request> {

    private final int maxBytes;

    RngRetrieveHandler(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Operation operation() {
        return Operation.RNG_RETRIEVE;
    }

    @Override
    public Class<RngRetrieve.Request> requestType() {
        return RngRetrieve.Request.class;
    }

    @Override
    public ResponsePayload handle(RequestContext context, RngRetrieve.Request request) {
        int n = request.dataLength();
        if (n < 1 || n > maxBytes) {
            throw new KmipException(ResultReason.INVALID_FIELD, "Data Length must be 1 to " + maxBytes);
        }
        return new RngRetrieve.Response(Bytes.wrap(context.keys().randomBytes(n)));
    }
}
