package dev.krypton.kmip.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.kmip.BlockCipherMode;
import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.UsageLimitsUnit;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.AttributeDef;
import dev.krypton.kmip.attribute.CryptographicParameters;
import dev.krypton.kmip.client.KmipOperations;
import dev.krypton.kmip.message.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Counts, lengths and offsets a hostile client sends out of range are answered with a precise
 * Invalid Field (or Feature Not Supported for what the server cannot honour), never an internal
 * error, and nothing is logged as one.
 */
class HostileFieldsTest {

    private static CryptographicParameters gcm(OptionalInt ivLength, OptionalInt counterLength, OptionalInt initialCounter) {
        return new CryptographicParameters(Optional.of(BlockCipherMode.GCM), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(CryptographicAlgorithm.AES), Optional.empty(), ivLength, OptionalInt.of(16),
                OptionalInt.empty(), OptionalInt.empty(), counterLength, initialCounter, List.of());
    }

    private static Attribute usageLimits(long total, Optional<Long> count) {
        List<Ttlv> fields = new ArrayList<>(List.of(new Ttlv.LongInteger(Tag.USAGE_LIMITS_TOTAL, total)));
        count.ifPresent(c -> fields.add(new Ttlv.LongInteger(Tag.USAGE_LIMITS_COUNT, c)));
        fields.add(new Ttlv.Enumeration(Tag.USAGE_LIMITS_UNIT, UsageLimitsUnit.BYTE.value()));
        return Attribute.of(AttributeDef.USAGE_LIMITS, new Ttlv.Structure(Tag.USAGE_LIMITS, fields));
    }

    private static void fails(ResultReason reason, String message, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KmipException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void outOfRangeLengthsAndCountsAreInvalidFieldAndNeverLoggedAsInternalErrors() {
        LogCapture logged = LogCapture.of(Failures.class);
        try (logged; var fixture = new ServerFixture()) {
            KmipOperations acme = fixture.client("acme");
            String kek = KekOperationsTest.createKek(acme, "fields");
            Bytes data = Bytes.of(new byte[32]);
            fails(ResultReason.INVALID_FIELD, "IV Length must be", () -> acme.encrypt(kek,
                    gcm(OptionalInt.of(-8), OptionalInt.empty(), OptionalInt.empty()), data, Optional.empty(), Optional.empty()));
            fails(ResultReason.INVALID_FIELD, "IV Length must be", () -> acme.encrypt(kek,
                    gcm(OptionalInt.of(Integer.MAX_VALUE), OptionalInt.empty(), OptionalInt.empty()), data, Optional.empty(),
                    Optional.empty()));
            fails(ResultReason.INVALID_FIELD, "does not match", () -> acme.encrypt(kek,
                    gcm(OptionalInt.of(128), OptionalInt.empty(), OptionalInt.empty()), data, Optional.empty(), Optional.empty()));
            assertThat(acme.encrypt(kek, gcm(OptionalInt.of(96), OptionalInt.empty(), OptionalInt.empty()), data, Optional.empty(),
                    Optional.empty()).ivCounterNonce().orElseThrow().length()).isEqualTo(12);
            fails(ResultReason.INVALID_FIELD, "Counter Length must not be negative", () -> acme.encrypt(kek,
                    gcm(OptionalInt.empty(), OptionalInt.of(Integer.MIN_VALUE), OptionalInt.empty()), data, Optional.empty(),
                    Optional.empty()));
            fails(ResultReason.FEATURE_NOT_SUPPORTED, "Initial Counter Value is not supported", () -> acme.encrypt(kek,
                    gcm(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.of(1)), data, Optional.empty(), Optional.empty()));
            fails(ResultReason.INVALID_FIELD, "Data Length", () -> acme.rngRetrieve(Integer.MAX_VALUE));
            fails(ResultReason.INVALID_FIELD, "Usage Limits Total must not be negative", () -> acme.create(ObjectType.SYMMETRIC_KEY,
                    TenantObjectsTest.aes("negative").with(usageLimits(-1, Optional.empty()))));
            String uid = acme.create(ObjectType.SYMMETRIC_KEY, TenantObjectsTest.aes("limited")).uniqueIdentifier();
            fails(ResultReason.INVALID_FIELD, "Usage Limits Count must be 0 to the Total", () -> acme.addAttribute(uid,
                    usageLimits(10, Optional.of(11L))));
            fails(ResultReason.INVALID_FIELD, "Usage Limits Count must be 0 to the Total", () -> acme.addAttribute(uid,
                    usageLimits(10, Optional.of(Long.MIN_VALUE))));
        }
        assertThat(logged.warnings()).isEmpty();
    }
}
