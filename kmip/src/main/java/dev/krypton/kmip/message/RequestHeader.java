package dev.krypton.kmip.message;

import dev.krypton.kmip.BatchErrorContinuationOption;
import dev.krypton.kmip.Ttlv;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Request Header (KMIP 1.4 section 7.2 table 248, KMIP 2.1 section 8.2). Batch Count is not a
 * field here: it is the number of batch items and is checked against them on reading.
 * Authentication and Asynchronous Indicator are read and dropped (identity comes from TLS;
 * every operation runs synchronously); Attestation fields pass through unchanged.
 *
 * @param protocolVersion            the version the message is encoded in
 * @param maximumResponseSize        the largest response the client accepts, in bytes
 * @param clientCorrelationValue     client's free text for logs (KMIP 1.4+)
 * @param serverCorrelationValue     server's free text for logs (KMIP 1.4+)
 * @param batchErrorContinuation     what to do after a failed batch item (default Stop)
 * @param batchOrderOption           whether items run in order (default true)
 * @param timeStamp                  the client's clock
 * @param attestation                Attestation Capable Indicator and Attestation Type items, as read
 */
public record RequestHeader(ProtocolVersion protocolVersion, OptionalInt maximumResponseSize,
                            Optional<String> clientCorrelationValue, Optional<String> serverCorrelationValue,
                            Optional<BatchErrorContinuationOption> batchErrorContinuation,
                            Optional<Boolean> batchOrderOption, Optional<Instant> timeStamp,
                            List<Ttlv> attestation) {

    public RequestHeader {
        attestation = List.copyOf(attestation);
    }

    /** A header with only the protocol version. */
    public static RequestHeader of(ProtocolVersion version) {
        return new RequestHeader(version, OptionalInt.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }

    /** This header with a Maximum Response Size. */
    public RequestHeader withMaximumResponseSize(int bytes) {
        return new RequestHeader(protocolVersion, OptionalInt.of(bytes), clientCorrelationValue,
                serverCorrelationValue, batchErrorContinuation, batchOrderOption, timeStamp, attestation);
    }

    /** This header with a Batch Error Continuation Option. */
    public RequestHeader withBatchErrorContinuation(BatchErrorContinuationOption option) {
        return new RequestHeader(protocolVersion, maximumResponseSize, clientCorrelationValue,
                serverCorrelationValue, Optional.of(option), batchOrderOption, timeStamp, attestation);
    }

    /** This header with a Client Correlation Value. */
    public RequestHeader withClientCorrelationValue(String value) {
        return new RequestHeader(protocolVersion, maximumResponseSize, Optional.of(value),
                serverCorrelationValue, batchErrorContinuation, batchOrderOption, timeStamp, attestation);
    }
}
