package dev.krypton.kmip.payload;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.RevocationReasonCode;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.message.Builder;
import dev.krypton.kmip.message.Fields;
import dev.krypton.kmip.message.PayloadCodec;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestPayload;
import dev.krypton.kmip.message.ResponsePayload;
import java.time.Instant;
import java.util.Optional;

/** Revoke (KMIP 1.4 section 4.20, KMIP 2.1 section 6.1.44): deactivates or marks an object compromised. */
public final class Revoke {
    /** Reads both payloads of this operation. */
    public static final PayloadCodec CODEC = new PayloadCodec(Operation.REVOKE,
            (f, v) -> new Request(f.text(Tag.UNIQUE_IDENTIFIER), reason(f), f.dateTime(Tag.COMPROMISE_OCCURRENCE_DATE)),
            (f, v) -> new Response(f.requiredText(Tag.UNIQUE_IDENTIFIER)));

    private Revoke() {
    }

    /**
     * @param uniqueIdentifier         the object; absent means the ID Placeholder
     * @param reason                   Revocation Reason (code and optional message)
     * @param compromiseOccurrenceDate when a compromise happened, for the compromise codes
     */
    public record Request(Optional<String> uniqueIdentifier, Reason reason, Optional<Instant> compromiseOccurrenceDate)
            implements RequestPayload {
        @Override
        public int operationCode() {
            return Operation.REVOKE.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            return Builder.request().text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier)
                    .item(Builder.of(Tag.REVOCATION_REASON).enumeration(Tag.REVOCATION_REASON_CODE, reason.code())
                            .text(Tag.REVOCATION_MESSAGE, reason.message()).build())
                    .dateTime(Tag.COMPROMISE_OCCURRENCE_DATE, compromiseOccurrenceDate).build();
        }
    }

    /** Revocation Reason (KMIP 1.4 section 3.31, KMIP 2.1 section 4.47). */
    public record Reason(RevocationReasonCode code, Optional<String> message) {
    }

    /** @param uniqueIdentifier the revoked object */
    public record Response(String uniqueIdentifier) implements ResponsePayload {
        @Override
        public int operationCode() {
            return Operation.REVOKE.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            return Builder.response().text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier).build();
        }
    }

    private static Reason reason(Fields payload) {
        Fields f = Fields.of(payload.requiredStruct(Tag.REVOCATION_REASON), "Revocation Reason");
        var r = new Reason(f.requiredEnumeration(Tag.REVOCATION_REASON_CODE, RevocationReasonCode.FAMILY),
                f.text(Tag.REVOCATION_MESSAGE));
        f.end();
        return r;
    }
}
