package dev.krypton.kmip;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the specifications say about one enumeration value or tag.
 *
 * @param value           the numeric value on the wire
 * @param specName        the name in the newest specification line that defines the value
 * @param xmlName         {@code specName} normalized as the KMIP profiles' XML/JSON encodings do
 * @param versions        the specification lines that define the value (empty when unknown)
 * @param formerSpecNames names an older line used for the same value (KMIP 1.4 where 2.1 renamed it)
 * @param formerXmlNames  the normalized forms of {@code formerSpecNames}, same order
 */
public record EnumInfo(int value, String specName, String xmlName, Set<SpecVersion> versions,
                       List<String> formerSpecNames, List<String> formerXmlNames) {

    /** Bit for {@link SpecVersion#KMIP_1} in the generated tables. */
    static final int V1 = 1;
    /** Bit for {@link SpecVersion#KMIP_2} in the generated tables. */
    static final int V2 = 2;
    /** Both lines. */
    static final int BOTH = V1 | V2;

    /** Validates and copies the collections. */
    public EnumInfo {
        Objects.requireNonNull(specName, "specName");
        Objects.requireNonNull(xmlName, "xmlName");
        versions = versions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(versions));
        formerSpecNames = List.copyOf(formerSpecNames);
        formerXmlNames = List.copyOf(formerXmlNames);
        if (formerSpecNames.size() != formerXmlNames.size()) {
            throw new KmipException(ResultReason.INVALID_FIELD, "former names must come in pairs");
        }
    }

    /** Builds the info of a generated table row; {@code former} alternates spec and XML names. */
    static EnumInfo of(int value, String specName, String xmlName, int versionBits, String... former) {
        Set<SpecVersion> versions = EnumSet.noneOf(SpecVersion.class);
        if ((versionBits & V1) != 0) {
            versions.add(SpecVersion.KMIP_1);
        }
        if ((versionBits & V2) != 0) {
            versions.add(SpecVersion.KMIP_2);
        }
        List<String> specs = new ArrayList<>();
        List<String> xmls = new ArrayList<>();
        for (int i = 0; i + 1 < former.length; i += 2) {
            specs.add(former[i]);
            xmls.add(former[i + 1]);
        }
        return new EnumInfo(value, specName, xmlName, versions, specs, xmls);
    }

    /** Whether the value is defined by a specification (false for vendor or unknown values). */
    public boolean known() {
        return !versions.isEmpty();
    }
}
