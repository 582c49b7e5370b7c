package dev.krypton.kmip;

import java.util.Set;

/**
 * A named value of a KMIP enumeration family, bit mask or tag table.
 *
 * <p>Every generated enumeration (for example {@link CryptographicAlgorithm}), {@link ItemType}
 * and {@link Tag} implement it, so codecs can turn ints into names and back the same way for all.
 */
public interface KmipEnum {

    /** The facts about this value as the specifications give them. */
    EnumInfo info();

    /** The numeric value sent on the wire. */
    default int value() {
        return info().value();
    }

    /** The name as the specification text writes it, for example "Request Message". */
    default String specName() {
        return info().specName();
    }

    /** The normalized name the XML and JSON encodings use, for example "RequestMessage". */
    default String xmlName() {
        return info().xmlName();
    }

    /** The specification lines that define this value; empty for unknown values. */
    default Set<SpecVersion> versions() {
        return info().versions();
    }
}
