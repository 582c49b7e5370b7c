package dev.krypton.kmip.message;

import dev.krypton.kmip.Ttlv;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Response Header (KMIP 1.4 section 7.2 table 250, KMIP 2.1 section 8.5). Batch Count is the
 * number of batch items. Nonce, Server Hashed Password and Attestation Type pass through as read.
 *
 * @param protocolVersion        the version the response is encoded in
 * @param timeStamp              the server's clock (required)
 * @param clientCorrelationValue echoed client correlation value
 * @param serverCorrelationValue the server's correlation value
 * @param passThrough            Nonce, Server Hashed Password and Attestation Type items
 */
public record ResponseHeader(ProtocolVersion protocolVersion, Instant timeStamp,
                             Optional<String> clientCorrelationValue, Optional<String> serverCorrelationValue,
                             List<Ttlv> passThrough) {

    public ResponseHeader {
        passThrough = List.copyOf(passThrough);
    }

    /** A header with version and time stamp only. */
    public static ResponseHeader of(ProtocolVersion version, Instant timeStamp) {
        return new ResponseHeader(version, timeStamp, Optional.empty(), Optional.empty(), List.of());
    }
}
