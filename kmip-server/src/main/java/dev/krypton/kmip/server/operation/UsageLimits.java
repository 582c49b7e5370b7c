package dev.krypton.kmip.server.operation;

import dev.krypton.engine.EngineException;
import dev.krypton.engine.ManagedObject;
import dev.krypton.engine.Operation;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.UsageLimitsUnit;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.AttributeDef;
import java.util.List;

/**
 * Usage Limits (KMIP 1.4 section 3.21, KMIP 2.1 section 4.55): a key given Usage Limits Total
 * protects at most that many bytes (Unit Byte: the Data of each Encrypt) or Encrypt calls (Unit
 * Object). Each Encrypt reserves its share before it runs, lowering the stored Usage Limits Count
 * (serialized per tenant, compare-and-set in storage); one that would go below zero is Permission
 * Denied and changes nothing. A reservation is not given back if the encryption then fails.
 */
final class UsageLimits {

    private UsageLimits() {
    }

    /** Reserves the use of {@code key} for {@code dataBytes} of Encrypt Data, if the key has Usage Limits. */
    static void reserve(RequestContext context, ManagedObject key, long dataBytes) {
        String name = AttributeDef.USAGE_LIMITS.specName();
        if (key.attributes().custom().getOrDefault(name, List.of()).isEmpty()) {
            return;
        }
        context.keys().recordUse(context.principal(), key.uid(), Operation.ENCRYPT, name,
                values -> values.isEmpty() ? values : List.of(lowered(values.getFirst(), dataBytes)));
    }

    /**
     * A Usage Limits value a client sets: a Structure whose Total is given and not negative, and
     * whose Count, if given, is 0 to Total; anything else is Invalid Field.
     */
    static void check(Ttlv value) {
        if (!(value instanceof Ttlv.Structure limits)) {
            throw new KmipException(ResultReason.INVALID_FIELD, "Usage Limits must be a structure");
        }
        long total = limits.find(Tag.USAGE_LIMITS_TOTAL).map(UsageLimits::number)
                .orElseThrow(() -> new KmipException(ResultReason.INVALID_FIELD, "Usage Limits needs Usage Limits Total"));
        if (total < 0) {
            throw new KmipException(ResultReason.INVALID_FIELD, "Usage Limits Total must not be negative, was " + total);
        }
        long count = limits.find(Tag.USAGE_LIMITS_COUNT).map(UsageLimits::number).orElse(total);
        if (count < 0 || count > total) {
            throw new KmipException(ResultReason.INVALID_FIELD, "Usage Limits Count must be 0 to the Total (" + total
                    + "), was " + count);
        }
    }

    /** The stored Usage Limits with its count lowered by this use; PERMISSION_DENIED if it does not suffice. */
    static String lowered(String stored, long dataBytes) {
        Ttlv.Structure limits = (Ttlv.Structure) StoredAttributes.decode(AttributeDef.USAGE_LIMITS, stored).value();
        long total = limits.find(Tag.USAGE_LIMITS_TOTAL).map(UsageLimits::number).orElse(0L);
        long remaining = limits.find(Tag.USAGE_LIMITS_COUNT).map(UsageLimits::number).orElse(total);
        Ttlv unit = limits.find(Tag.USAGE_LIMITS_UNIT)
                .orElse(new Ttlv.Enumeration(Tag.USAGE_LIMITS_UNIT, UsageLimitsUnit.OBJECT.value()));
        long need = ((Ttlv.Enumeration) unit).value() == UsageLimitsUnit.BYTE.value() ? dataBytes : 1;
        if (need > remaining) {
            throw new EngineException(dev.krypton.engine.ErrorCode.PERMISSION_DENIED,
                    "the key's Usage Limits allow " + remaining + " more, this use needs " + need);
        }
        Ttlv.Structure next = new Ttlv.Structure(Tag.USAGE_LIMITS, List.of(new Ttlv.LongInteger(Tag.USAGE_LIMITS_TOTAL, total),
                new Ttlv.LongInteger(Tag.USAGE_LIMITS_COUNT, remaining - need), unit));
        return StoredAttributes.encode(Attribute.of(AttributeDef.USAGE_LIMITS, next));
    }

    private static long number(Ttlv item) {
        return switch (item) {
            case Ttlv.LongInteger l -> l.value();
            case Ttlv.IntegerItem i -> i.value();
            default -> 0L;
        };
    }
}
