package dev.krypton.kmip.server.operation;

import dev.krypton.kmip.DecodeLimits;
import dev.krypton.kmip.KeyFormatType;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.TtlvDecoder;
import dev.krypton.kmip.TtlvEncoder;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.AttributeDef;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Standard KMIP attributes the engine keeps for this server without interpreting them, in the
 * object's custom attribute map: the key is the attribute's KMIP 1.x name (which never contains the
 * "-" of a custom "x-name"), each value the hex of the value's TTLV encoding. Clients may set the
 * {@link #CLIENT_SET} ones on Create and Register and add, modify or delete them later. The server
 * itself keeps {@link AttributeDef#LAST_CHANGE_DATE} there (the last attribute edit; state changes
 * are dated by the engine) and {@link AttributeDef#COMPROMISE_OCCURRENCE_DATE} and
 * {@link AttributeDef#REVOCATION_REASON} (from Revoke), and sets Always Sensitive, Never Extractable
 * (both fixed at creation: Sensitive can only be set and Extractable only cleared later), Original
 * Creation Date and Fresh (the client may give False on Register; it reads False once the engine
 * has served the material to a Get) on Create and Register, and the Key Format Type a Secret Data was
 * registered in (Raw or Opaque; Get returns it in the same format), and what a registered
 * certificate says of itself ({@link Certificates}), and the Random Number Generator of a key
 * it created.
 */
final class StoredAttributes {

    /** The stored attributes a client may set; their values are checked only for their item type. */
    static final Set<AttributeDef> CLIENT_SET = EnumSet.of(AttributeDef.CONTACT_INFORMATION, AttributeDef.DESCRIPTION,
            AttributeDef.COMMENT, AttributeDef.PROCESS_START_DATE, AttributeDef.PROTECT_STOP_DATE,
            AttributeDef.USAGE_LIMITS, AttributeDef.APPLICATION_SPECIFIC_INFORMATION, AttributeDef.ALTERNATIVE_NAME,
            AttributeDef.CRYPTOGRAPHIC_PARAMETERS, AttributeDef.LINK);
    /** Stored attributes that may have several instances. */
    static final Set<AttributeDef> MULTI = EnumSet.of(AttributeDef.APPLICATION_SPECIFIC_INFORMATION,
            AttributeDef.ALTERNATIVE_NAME, AttributeDef.CRYPTOGRAPHIC_PARAMETERS, AttributeDef.LINK);
    /** Stored attributes only the server sets. */
    static final Set<AttributeDef> SERVER_SET = EnumSet.of(AttributeDef.LAST_CHANGE_DATE,
            AttributeDef.COMPROMISE_OCCURRENCE_DATE, AttributeDef.REVOCATION_REASON, AttributeDef.ALWAYS_SENSITIVE,
            AttributeDef.NEVER_EXTRACTABLE, AttributeDef.ORIGINAL_CREATION_DATE, AttributeDef.KEY_FORMAT_TYPE, AttributeDef.FRESH,
            AttributeDef.RANDOM_NUMBER_GENERATOR,
            AttributeDef.CERTIFICATE_TYPE, AttributeDef.CERTIFICATE_LENGTH,
            AttributeDef.CERTIFICATE_SUBJECT_CN, AttributeDef.CERTIFICATE_SUBJECT_O, AttributeDef.CERTIFICATE_SUBJECT_OU,
            AttributeDef.CERTIFICATE_SUBJECT_C, AttributeDef.CERTIFICATE_SUBJECT_ST, AttributeDef.CERTIFICATE_SUBJECT_L,
            AttributeDef.CERTIFICATE_SUBJECT_DC, AttributeDef.CERTIFICATE_ISSUER_CN, AttributeDef.CERTIFICATE_ISSUER_O,
            AttributeDef.CERTIFICATE_ISSUER_OU, AttributeDef.CERTIFICATE_ISSUER_C, AttributeDef.CERTIFICATE_ISSUER_ST,
            AttributeDef.CERTIFICATE_ISSUER_L, AttributeDef.CERTIFICATE_ISSUER_DC);
    private static final int MAX_VALUE_BYTES = 4096;

    private StoredAttributes() {
    }

    /** The standard attribute a custom map key stands for, if it is one this class stores. */
    static Optional<AttributeDef> def(String customKey) {
        return AttributeDef.byName(customKey).filter(d -> CLIENT_SET.contains(d) || SERVER_SET.contains(d));
    }

    /** The stored form of {@code a}'s value; over {@value #MAX_VALUE_BYTES} bytes, or Usage Limits out of range, is Invalid Field. */
    static String encode(Attribute a) {
        if (a.key() instanceof dev.krypton.kmip.attribute.AttributeKey.Standard(AttributeDef def) && def == AttributeDef.USAGE_LIMITS) {
            UsageLimits.check(a.value());
        }
        byte[] bytes = TtlvEncoder.encode(a.value());
        if (bytes.length > MAX_VALUE_BYTES) {
            throw new KmipException(ResultReason.INVALID_FIELD, "attribute value over " + MAX_VALUE_BYTES + " bytes");
        }
        return HexFormat.of().formatHex(bytes);
    }

    /** The attribute back from its stored form. */
    static Attribute decode(AttributeDef def, String stored) {
        byte[] bytes = HexFormat.of().parseHex(stored);
        return Attribute.of(def, TtlvDecoder.decode(bytes, 0, bytes.length, DecodeLimits.DEFAULT));
    }

    /** The Key Format Type kept for a registered Secret Data, if any. */
    static Optional<KeyFormatType> keyFormat(java.util.Map<String, java.util.List<String>> custom) {
        return Optional.ofNullable(custom.get(AttributeDef.KEY_FORMAT_TYPE.specName())).filter(v -> !v.isEmpty())
                .map(v -> decode(AttributeDef.KEY_FORMAT_TYPE, v.getFirst()).value())
                .flatMap(t -> KeyFormatType.FAMILY.byValue(((Ttlv.Enumeration) t).value()));
    }

    static String date(AttributeDef def, Instant when) {
        return encode(Attribute.date(def, when));
    }

    /** The stored Last Change Date, if an attribute edit set one. */
    static Optional<Instant> lastEdit(java.util.Map<String, java.util.List<String>> custom) {
        return Optional.ofNullable(custom.get(AttributeDef.LAST_CHANGE_DATE.specName())).filter(v -> !v.isEmpty())
                .map(v -> decode(AttributeDef.LAST_CHANGE_DATE, v.getFirst()).value())
                .map(t -> Instant.ofEpochSecond(((Ttlv.DateTime) t).epochSeconds()));
    }
}
