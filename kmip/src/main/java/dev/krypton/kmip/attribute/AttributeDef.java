package dev.krypton.kmip.attribute;

import dev.krypton.kmip.ItemType;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.message.ProtocolVersion;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The standard object attributes this library knows, with their tag, item type and the protocol
 * versions that define them (KMIP 1.4 section 3, KMIP 2.1 section 4).
 *
 * <p>{@code since} is the first version that defines the attribute; {@code removedIn} the first
 * that no longer does (the KMIP 1.x Certificate Identifier/Subject/Issuer and Operation Policy
 * Name are gone in 2.0). Custom attributes ("x-...", 2.x Vendor Attribute) are not listed:
 * they are {@link AttributeKey.Vendor} keys and exist in every version. The Rotate attributes of
 * KMIP 2.1 sections 4.48-4.54 are missing because {@link Tag} has no constants for 0x42016A-0x420172.
 */
public enum AttributeDef {
    UNIQUE_IDENTIFIER(Tag.UNIQUE_IDENTIFIER, ItemType.TEXT_STRING, ProtocolVersion.V1_0),
    NAME(Tag.NAME, ItemType.STRUCTURE, ProtocolVersion.V1_0),
    OBJECT_TYPE(Tag.OBJECT_TYPE, ItemType.ENUMERATION, ProtocolVersion.V1_0),
    CRYPTOGRAPHIC_ALGORITHM(Tag.CRYPTOGRAPHIC_ALGORITHM, ItemType.ENUMERATION, ProtocolVersion.V1_0),
    CRYPTOGRAPHIC_LENGTH(Tag.CRYPTOGRAPHIC_LENGTH, ItemType.INTEGER, ProtocolVersion.V1_0),
    CRYPTOGRAPHIC_PARAMETERS(Tag.CRYPTOGRAPHIC_PARAMETERS, ItemType.STRUCTURE, ProtocolVersion.V1_0),
    CRYPTOGRAPHIC_DOMAIN_PARAMETERS(Tag.CRYPTOGRAPHIC_DOMAIN_PARAMETERS, ItemType.STRUCTURE, ProtocolVersion.V1_0),
    CERTIFICATE_TYPE(Tag.CERTIFICATE_TYPE, ItemType.ENUMERATION, ProtocolVersion.V1_0),
    CERTIFICATE_LENGTH(Tag.CERTIFICATE_LENGTH, ItemType.INTEGER, ProtocolVersion.V1_1),
    X_509_CERTIFICATE_IDENTIFIER(Tag.X_509_CERTIFICATE_IDENTIFIER, ItemType.STRUCTURE, ProtocolVersion.V1_1),
    X_509_CERTIFICATE_SUBJECT(Tag.X_509_CERTIFICATE_SUBJECT, ItemType.STRUCTURE, ProtocolVersion.V1_1),
    X_509_CERTIFICATE_ISSUER(Tag.X_509_CERTIFICATE_ISSUER, ItemType.STRUCTURE, ProtocolVersion.V1_1),
    CERTIFICATE_IDENTIFIER(Tag.CERTIFICATE_IDENTIFIER, ItemType.STRUCTURE, ProtocolVersion.V1_0, ProtocolVersion.V2_0),
    CERTIFICATE_SUBJECT(Tag.CERTIFICATE_SUBJECT, ItemType.STRUCTURE, ProtocolVersion.V1_0, ProtocolVersion.V2_0),
    CERTIFICATE_ISSUER(Tag.CERTIFICATE_ISSUER, ItemType.STRUCTURE, ProtocolVersion.V1_0, ProtocolVersion.V2_0),
    DIGITAL_SIGNATURE_ALGORITHM(Tag.DIGITAL_SIGNATURE_ALGORITHM, ItemType.ENUMERATION, ProtocolVersion.V1_1),
    DIGEST(Tag.DIGEST, ItemType.STRUCTURE, ProtocolVersion.V1_0),
    OPERATION_POLICY_NAME(Tag.OPERATION_POLICY_NAME, ItemType.TEXT_STRING, ProtocolVersion.V1_0, ProtocolVersion.V2_0),
    CRYPTOGRAPHIC_USAGE_MASK(Tag.CRYPTOGRAPHIC_USAGE_MASK, ItemType.INTEGER, ProtocolVersion.V1_0),
    LEASE_TIME(Tag.LEASE_TIME, ItemType.INTERVAL, ProtocolVersion.V1_0),
    USAGE_LIMITS(Tag.USAGE_LIMITS, ItemType.STRUCTURE, ProtocolVersion.V1_0),
    STATE(Tag.STATE, ItemType.ENUMERATION, ProtocolVersion.V1_0),
    INITIAL_DATE(Tag.INITIAL_DATE, ItemType.DATE_TIME, ProtocolVersion.V1_0),
    ACTIVATION_DATE(Tag.ACTIVATION_DATE, ItemType.DATE_TIME, ProtocolVersion.V1_0),
    PROCESS_START_DATE(Tag.PROCESS_START_DATE, ItemType.DATE_TIME, ProtocolVersion.V1_0),
    PROTECT_STOP_DATE(Tag.PROTECT_STOP_DATE, ItemType.DATE_TIME, ProtocolVersion.V1_0),
    DEACTIVATION_DATE(Tag.DEACTIVATION_DATE, ItemType.DATE_TIME, ProtocolVersion.V1_0),
    DESTROY_DATE(Tag.DESTROY_DATE, ItemType.DATE_TIME, ProtocolVersion.V1_0),
    COMPROMISE_OCCURRENCE_DATE(Tag.COMPROMISE_OCCURRENCE_DATE, ItemType.DATE_TIME, ProtocolVersion.V1_0),
    COMPROMISE_DATE(Tag.COMPROMISE_DATE, ItemType.DATE_TIME, ProtocolVersion.V1_0),
    REVOCATION_REASON(Tag.REVOCATION_REASON, ItemType.STRUCTURE, ProtocolVersion.V1_0),
    ARCHIVE_DATE(Tag.ARCHIVE_DATE, ItemType.DATE_TIME, ProtocolVersion.V1_0),
    OBJECT_GROUP(Tag.OBJECT_GROUP, ItemType.TEXT_STRING, ProtocolVersion.V1_0),
    FRESH(Tag.FRESH, ItemType.BOOLEAN, ProtocolVersion.V1_1),
    LINK(Tag.LINK, ItemType.STRUCTURE, ProtocolVersion.V1_0),
    APPLICATION_SPECIFIC_INFORMATION(Tag.APPLICATION_SPECIFIC_INFORMATION, ItemType.STRUCTURE, ProtocolVersion.V1_0),
    CONTACT_INFORMATION(Tag.CONTACT_INFORMATION, ItemType.TEXT_STRING, ProtocolVersion.V1_0),
    LAST_CHANGE_DATE(Tag.LAST_CHANGE_DATE, ItemType.DATE_TIME, ProtocolVersion.V1_0),
    ALTERNATIVE_NAME(Tag.ALTERNATIVE_NAME, ItemType.STRUCTURE, ProtocolVersion.V1_2),
    KEY_VALUE_PRESENT(Tag.KEY_VALUE_PRESENT, ItemType.BOOLEAN, ProtocolVersion.V1_2),
    KEY_VALUE_LOCATION(Tag.KEY_VALUE_LOCATION, ItemType.STRUCTURE, ProtocolVersion.V1_2),
    ORIGINAL_CREATION_DATE(Tag.ORIGINAL_CREATION_DATE, ItemType.DATE_TIME, ProtocolVersion.V1_2),
    RANDOM_NUMBER_GENERATOR(Tag.RANDOM_NUMBER_GENERATOR, ItemType.STRUCTURE, ProtocolVersion.V1_3),
    PKCS12_FRIENDLY_NAME(Tag.PKCS12_FRIENDLY_NAME, ItemType.TEXT_STRING, ProtocolVersion.V1_4),
    DESCRIPTION(Tag.DESCRIPTION, ItemType.TEXT_STRING, ProtocolVersion.V1_4),
    COMMENT(Tag.COMMENT, ItemType.TEXT_STRING, ProtocolVersion.V1_4),
    SENSITIVE(Tag.SENSITIVE, ItemType.BOOLEAN, ProtocolVersion.V1_4),
    ALWAYS_SENSITIVE(Tag.ALWAYS_SENSITIVE, ItemType.BOOLEAN, ProtocolVersion.V1_4),
    EXTRACTABLE(Tag.EXTRACTABLE, ItemType.BOOLEAN, ProtocolVersion.V1_4),
    NEVER_EXTRACTABLE(Tag.NEVER_EXTRACTABLE, ItemType.BOOLEAN, ProtocolVersion.V1_4),
    KEY_FORMAT_TYPE(Tag.KEY_FORMAT_TYPE, ItemType.ENUMERATION, ProtocolVersion.V2_0),
    NIST_KEY_TYPE(Tag.NIST_KEY_TYPE, ItemType.ENUMERATION, ProtocolVersion.V2_0),
    OPAQUE_DATA_TYPE(Tag.OPAQUE_DATA_TYPE, ItemType.ENUMERATION, ProtocolVersion.V2_0),
    PROTECTION_LEVEL(Tag.PROTECTION_LEVEL, ItemType.ENUMERATION, ProtocolVersion.V2_0),
    PROTECTION_PERIOD(Tag.PROTECTION_PERIOD, ItemType.INTERVAL, ProtocolVersion.V2_0),
    PROTECTION_STORAGE_MASK(Tag.PROTECTION_STORAGE_MASK, ItemType.INTEGER, ProtocolVersion.V2_0),
    QUANTUM_SAFE(Tag.QUANTUM_SAFE, ItemType.BOOLEAN, ProtocolVersion.V2_0),
    SHORT_UNIQUE_IDENTIFIER(Tag.SHORT_UNIQUE_IDENTIFIER, ItemType.BYTE_STRING, ProtocolVersion.V2_0),
    // KMIP 2.1 section 4.6 Certificate Attributes: one text attribute per subject/issuer field
    CERTIFICATE_SUBJECT_CN(Tag.CERTIFICATE_SUBJECT_CN, ItemType.TEXT_STRING, ProtocolVersion.V2_0),
    CERTIFICATE_SUBJECT_O(Tag.CERTIFICATE_SUBJECT_O, ItemType.TEXT_STRING, ProtocolVersion.V2_0),
    CERTIFICATE_SUBJECT_OU(Tag.CERTIFICATE_SUBJECT_OU, ItemType.TEXT_STRING, ProtocolVersion.V2_0),
    CERTIFICATE_SUBJECT_EMAIL(Tag.CERTIFICATE_SUBJECT_EMAIL, ItemType.TEXT_STRING, ProtocolVersion.V2_0),
    CERTIFICATE_SUBJECT_C(Tag.CERTIFICATE_SUBJECT_C, ItemType.TEXT_STRING, ProtocolVersion.V2_0),
    CERTIFICATE_SUBJECT_ST(Tag.CERTIFICATE_SUBJECT_ST, ItemType.TEXT_STRING, ProtocolVersion.V2_0),
    CERTIFICATE_SUBJECT_L(Tag.CERTIFICATE_SUBJECT_L, ItemType.TEXT_STRING, ProtocolVersion.V2_0),
    CERTIFICATE_SUBJECT_UID(Tag.CERTIFICATE_SUBJECT_UID, ItemType.TEXT_STRING, ProtocolVersion.V2_0),
    CERTIFICATE_SUBJECT_SERIAL_NUMBER(Tag.CERTIFICATE_SUBJECT_SERIAL_NUMBER, ItemType.TEXT_STRING, ProtocolVersion.V2_0),
    CERTIFICATE_SUBJECT_TITLE(Tag.CERTIFICATE_SUBJECT_TITLE, ItemType.TEXT_STRING, ProtocolVersion.V2_0),
    CERTIFICATE_SUBJECT_DC(Tag.CERTIFICATE_SUBJECT_DC, ItemType.TEXT_STRING, ProtocolVersion.V2_0),
    CERTIFICATE_SUBJECT_DN_QUALIFIER(Tag.CERTIFICATE_SUBJECT_DN_QUALIFIER, ItemType.TEXT_STRING, ProtocolVersion.V2_0),
    CERTIFICATE_ISSUER_CN(Tag.CERTIFICATE_ISSUER_CN, ItemType.TEXT_STRING, ProtocolVersion.V2_0),
    CERTIFICATE_ISSUER_O(Tag.CERTIFICATE_ISSUER_O, ItemType.TEXT_STRING, ProtocolVersion.V2_0),
    CERTIFICATE_ISSUER_OU(Tag.CERTIFICATE_ISSUER_OU, ItemType.TEXT_STRING, ProtocolVersion.V2_0),
    CERTIFICATE_ISSUER_EMAIL(Tag.CERTIFICATE_ISSUER_EMAIL, ItemType.TEXT_STRING, ProtocolVersion.V2_0),
    CERTIFICATE_ISSUER_C(Tag.CERTIFICATE_ISSUER_C, ItemType.TEXT_STRING, ProtocolVersion.V2_0),
    CERTIFICATE_ISSUER_ST(Tag.CERTIFICATE_ISSUER_ST, ItemType.TEXT_STRING, ProtocolVersion.V2_0),
    CERTIFICATE_ISSUER_L(Tag.CERTIFICATE_ISSUER_L, ItemType.TEXT_STRING, ProtocolVersion.V2_0),
    CERTIFICATE_ISSUER_UID(Tag.CERTIFICATE_ISSUER_UID, ItemType.TEXT_STRING, ProtocolVersion.V2_0),
    CERTIFICATE_ISSUER_SERIAL_NUMBER(Tag.CERTIFICATE_ISSUER_SERIAL_NUMBER, ItemType.TEXT_STRING, ProtocolVersion.V2_0),
    CERTIFICATE_ISSUER_TITLE(Tag.CERTIFICATE_ISSUER_TITLE, ItemType.TEXT_STRING, ProtocolVersion.V2_0),
    CERTIFICATE_ISSUER_DC(Tag.CERTIFICATE_ISSUER_DC, ItemType.TEXT_STRING, ProtocolVersion.V2_0),
    CERTIFICATE_ISSUER_DN_QUALIFIER(Tag.CERTIFICATE_ISSUER_DN_QUALIFIER, ItemType.TEXT_STRING, ProtocolVersion.V2_0);

    private static final Map<String, AttributeDef> BY_NAME = new HashMap<>();
    private static final Map<Integer, AttributeDef> BY_TAG = new HashMap<>();

    static {
        for (AttributeDef d : values()) {
            BY_NAME.put(d.specName(), d);
            BY_TAG.put(d.tag.value(), d);
        }
    }

    private final Tag tag;
    private final ItemType type;
    private final ProtocolVersion since;
    private final ProtocolVersion removedIn;

    AttributeDef(Tag tag, ItemType type, ProtocolVersion since) {
        this(tag, type, since, new ProtocolVersion(Integer.MAX_VALUE, 0));
    }

    AttributeDef(Tag tag, ItemType type, ProtocolVersion since, ProtocolVersion removedIn) {
        this.tag = tag;
        this.type = type;
        this.since = since;
        this.removedIn = removedIn;
    }

    /** The KMIP 1.x Attribute Name, for example "Cryptographic Algorithm". */
    public String specName() {
        return tag.specName();
    }

    /** The tag of the attribute's value (KMIP 2.x encodes the attribute as this item). */
    public Tag tag() {
        return tag;
    }

    /** The item type of the value. */
    public ItemType type() {
        return type;
    }

    /** Whether the attribute exists in protocol version {@code v}. */
    public boolean existsIn(ProtocolVersion v) {
        return v.atLeast(since) && !v.atLeast(removedIn);
    }

    /** The attribute named {@code name} in KMIP 1.x. */
    public static Optional<AttributeDef> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The attribute whose value has this tag. */
    public static Optional<AttributeDef> byTag(Tag tag) {
        return Optional.ofNullable(BY_TAG.get(tag.value()));
    }
}
