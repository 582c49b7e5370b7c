package dev.krypton.kmip.payload;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.message.Builder;
import dev.krypton.kmip.message.PayloadCodec;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestPayload;
import dev.krypton.kmip.message.ResponsePayload;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Check (KMIP 1.4 section 4.10, KMIP 2.1 section 6.1.7): would the server allow this use of an object? */
public final class Check {
    /** Reads both payloads of this operation. */
    public static final PayloadCodec CODEC = new PayloadCodec(Operation.CHECK,
            (f, v) -> new Request(f.text(Tag.UNIQUE_IDENTIFIER), f.longInteger(Tag.USAGE_LIMITS_COUNT),
                    f.integer(Tag.CRYPTOGRAPHIC_USAGE_MASK), f.interval(Tag.LEASE_TIME)),
            (f, v) -> new Response(f.requiredText(Tag.UNIQUE_IDENTIFIER), f.longInteger(Tag.USAGE_LIMITS_COUNT),
                    f.integer(Tag.CRYPTOGRAPHIC_USAGE_MASK), f.interval(Tag.LEASE_TIME)));

    private Check() {
    }

    /**
     * @param uniqueIdentifier       the object; absent means the ID Placeholder
     * @param usageLimitsCount       units the client intends to protect
     * @param cryptographicUsageMask the intended uses
     * @param leaseTime              the lease the client asks to validate, in seconds
     */
    public record Request(Optional<String> uniqueIdentifier, OptionalLong usageLimitsCount,
                          OptionalInt cryptographicUsageMask, OptionalLong leaseTime) implements RequestPayload {
        @Override
        public int operationCode() {
            return Operation.CHECK.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            return Builder.request().text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier)
                    .longInteger(Tag.USAGE_LIMITS_COUNT, usageLimitsCount)
                    .integer(Tag.CRYPTOGRAPHIC_USAGE_MASK, cryptographicUsageMask)
                    .interval(Tag.LEASE_TIME, leaseTime).build();
        }
    }

    /** The same fields, present when the server refuses that value. */
    public record Response(String uniqueIdentifier, OptionalLong usageLimitsCount,
                           OptionalInt cryptographicUsageMask, OptionalLong leaseTime) implements ResponsePayload {
        @Override
        public int operationCode() {
            return Operation.CHECK.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            return Builder.response().text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier)
                    .longInteger(Tag.USAGE_LIMITS_COUNT, usageLimitsCount)
                    .integer(Tag.CRYPTOGRAPHIC_USAGE_MASK, cryptographicUsageMask)
                    .interval(Tag.LEASE_TIME, leaseTime).build();
        }
    }
}
