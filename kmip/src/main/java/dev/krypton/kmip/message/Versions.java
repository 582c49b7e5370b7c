package dev.krypton.kmip.message;

import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv.Structure;

/** Protocol Version structure (KMIP 1.4 section 6.1, KMIP 2.1 section 9.16) to and from TTLV. */
public final class Versions {
    private Versions() {
    }

    /** Reads a Protocol Version structure (any tag, so Discover Versions lists work too). */
    public static ProtocolVersion read(Structure s) {
        Fields f = Fields.of(s, "Protocol Version");
        var v = new ProtocolVersion(f.requiredInteger(Tag.PROTOCOL_VERSION_MAJOR), f.requiredInteger(Tag.PROTOCOL_VERSION_MINOR));
        f.end();
        return v;
    }

    /** Writes a Protocol Version structure. */
    public static Structure write(ProtocolVersion v) {
        return Builder.of(Tag.PROTOCOL_VERSION).integer(Tag.PROTOCOL_VERSION_MAJOR, v.major())
                .integer(Tag.PROTOCOL_VERSION_MINOR, v.minor()).build();
    }
}
