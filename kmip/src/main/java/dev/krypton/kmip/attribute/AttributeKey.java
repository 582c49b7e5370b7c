package dev.krypton.kmip.attribute;

import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.message.ProtocolVersion;

/**
 * Which attribute: a standard one, or a custom/vendor one. In KMIP 1.x a custom attribute is a
 * name starting "x-" (client) or "y-" (server) (KMIP 1.4 section 3.39); KMIP 2.x writes it as a
 * Vendor Attribute with Vendor Identification and Attribute Name (KMIP 2.1 section 4.60). The
 * mapping used here, as in the OASIS 2.1 test cases: "x-ID" is vendor "x", name "ID".
 */
public sealed interface AttributeKey {

    /** The KMIP 1.x Attribute Name. */
    String v1Name();

    /** Whether the attribute exists in protocol version {@code v}. */
    boolean existsIn(ProtocolVersion v);

    /** The key of a KMIP 1.x Attribute Name; unknown names that are not custom are Invalid Field. */
    static AttributeKey ofV1Name(String name) {
        var def = AttributeDef.byName(name);
        if (def.isPresent()) {
            return new Standard(def.get());
        }
        int dash = name.indexOf('-');
        if (dash > 0 && dash < name.length() - 1) {
            return new Vendor(name.substring(0, dash), name.substring(dash + 1));
        }
        throw new KmipException(ResultReason.INVALID_FIELD, "unknown attribute name \"" + name + "\"");
    }

    /** A standard attribute. */
    record Standard(AttributeDef def) implements AttributeKey {
        @Override
        public String v1Name() {
            return def.specName();
        }

        @Override
        public boolean existsIn(ProtocolVersion v) {
            return def.existsIn(v);
        }
    }

    /**
     * A custom (1.x) or vendor (2.x) attribute.
     *
     * @param vendorIdentification "x", "y" or a vendor's identifier ([A-Za-z0-9_.]+)
     * @param name                 the attribute's name within that vendor
     */
    record Vendor(String vendorIdentification, String name) implements AttributeKey {
        public Vendor {
            if (vendorIdentification.isEmpty() || name.isEmpty()
                    || !vendorIdentification.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '.')) {
                throw new KmipException(ResultReason.INVALID_FIELD, "invalid vendor attribute identification");
            }
        }

        @Override
        public String v1Name() {
            return vendorIdentification + "-" + name;
        }

        @Override
        public boolean existsIn(ProtocolVersion v) {
            return true;
        }
    }
}
