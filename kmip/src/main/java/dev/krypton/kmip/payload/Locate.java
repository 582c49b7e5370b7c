package dev.krypton.kmip.payload;

import dev.krypton.kmip.ObjectGroupMember;
import dev.krypton.kmip.Operation;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.message.Builder;
import dev.krypton.kmip.message.PayloadCodec;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestPayload;
import dev.krypton.kmip.message.ResponsePayload;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Locate (KMIP 1.4 section 4.9, KMIP 2.1 section 6.1.28): identifiers of objects whose attributes
 * match. KMIP 1.x lists bare Attribute structures, 2.x one Attributes structure.
 */
public final class Locate {
    /** Reads both payloads of this operation. */
    public static final PayloadCodec CODEC = new PayloadCodec(Operation.LOCATE,
            (f, v) -> new Request(f.integer(Tag.MAXIMUM_ITEMS), f.integer(Tag.OFFSET_ITEMS), f.integer(Tag.STORAGE_STATUS_MASK),
                    f.enumeration(Tag.OBJECT_GROUP_MEMBER, ObjectGroupMember.FAMILY), AttributeFields.readFlat(f, v)),
            (f, v) -> new Response(f.integer(Tag.LOCATED_ITEMS), f.texts(Tag.UNIQUE_IDENTIFIER)));

    private Locate() {
    }

    /**
     * @param maximumItems      most identifiers to return
     * @param offsetItems       matches to skip
     * @param storageStatusMask on-line, archived and/or destroyed objects
     * @param objectGroupMember fresh or default group members
     * @param attributes        what candidates must match
     */
    public record Request(OptionalInt maximumItems, OptionalInt offsetItems, OptionalInt storageStatusMask,
                          Optional<ObjectGroupMember> objectGroupMember, Attributes attributes) implements RequestPayload {
        /** Find objects matching {@code attributes}. */
        public static Request matching(Attributes attributes) {
            return new Request(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), attributes);
        }

        @Override
        public int operationCode() {
            return Operation.LOCATE.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            Builder b = Builder.request().integer(Tag.MAXIMUM_ITEMS, maximumItems).integer(Tag.OFFSET_ITEMS, offsetItems)
                    .integer(Tag.STORAGE_STATUS_MASK, storageStatusMask).enumeration(Tag.OBJECT_GROUP_MEMBER, objectGroupMember);
            return AttributeFields.writeFlat(b, attributes, v).build();
        }
    }

    /**
     * @param locatedItems      total number of matches, if the server counts them
     * @param uniqueIdentifiers the identifiers returned
     */
    public record Response(OptionalInt locatedItems, List<String> uniqueIdentifiers) implements ResponsePayload {
        public Response {
            uniqueIdentifiers = List.copyOf(uniqueIdentifiers);
        }

        @Override
        public int operationCode() {
            return Operation.LOCATE.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            return Builder.response().integer(Tag.LOCATED_ITEMS, locatedItems).texts(Tag.UNIQUE_IDENTIFIER, uniqueIdentifiers).build();
        }
    }
}
