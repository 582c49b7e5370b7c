package dev.krypton.kmip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Names and values convert both ways; values no table defines pass through unchanged. */
class NameLookupTest {

    @Test
    void every_known_tag_round_trips_between_name_and_value() {
        for (Tag tag : Tag.knownTags()) {
            assertThat(Tag.of(tag.value())).isSameAs(tag);
            assertThat(Tag.fromXmlName(tag.xmlName())).contains(tag);
            assertThat(Tag.fromXmlName(tag.specName())).contains(tag);
            assertThat(Tag.fromXmlName(tag.hex())).contains(tag);
            assertThat(EnumFamily.TAGS.valueOf(tag.xmlName())).isEqualTo(tag.value());
        }
        assertThat(Tag.fromXmlName("0x420078")).contains(Tag.REQUEST_MESSAGE);
        assertThat(Tag.REQUEST_MESSAGE.hex()).isEqualTo("0x420078");
    }

    @Test
    void every_enumeration_value_round_trips_between_name_and_value() {
        for (EnumFamily<?> family : EnumFamily.all()) {
            for (KmipEnum value : family.values()) {
                assertThat(family.nameOf(value.value())).as(family.specName()).isEqualTo(value.xmlName());
                assertThat(family.valueOf(value.xmlName())).as(value.xmlName()).isEqualTo(value.value());
                assertThat(family.byValue(value.value()).map(KmipEnum.class::cast)).contains(value);
            }
        }
    }

    @Test
    void tags_map_to_their_enumeration_and_mask_families() {
        assertThat(EnumFamily.enumerationOf(Tag.CRYPTOGRAPHIC_ALGORITHM)).containsSame(CryptographicAlgorithm.FAMILY);
        assertThat(EnumFamily.enumerationOf(Tag.MASK_GENERATOR_HASHING_ALGORITHM)).containsSame(HashingAlgorithm.FAMILY);
        assertThat(EnumFamily.enumerationOf(Tag.EXTENSION_TYPE)).containsSame(EnumFamily.ITEM_TYPES);
        assertThat(EnumFamily.enumerationOf(Tag.ATTRIBUTE_REFERENCE)).containsSame(EnumFamily.TAGS);
        assertThat(EnumFamily.maskOf(Tag.CRYPTOGRAPHIC_USAGE_MASK)).containsSame(CryptographicUsageMask.FAMILY);
        assertThat(EnumFamily.maskOf(Tag.PROTECTION_STORAGE_MASK)).containsSame(ProtectionStorageMask.FAMILY);
        assertThat(EnumFamily.enumerationOf(Tag.BATCH_COUNT)).isEmpty();
        assertThat(EnumFamily.enumerationOf(Tag.of(0x540001))).isEmpty();
    }

    @Test
    void the_usage_mask_reads_the_oasis_symbolic_form() {
        var mask = CryptographicUsageMask.FAMILY;
        assertThat(mask.parseMask("Decrypt Encrypt")).isEqualTo(0x0C);
        assertThat(mask.formatMask(0x0C)).isEqualTo("Encrypt Decrypt");
        assertThat(mask.formatMask(0x80000001)).isEqualTo("Sign 0x80000000");
        assertThat(mask.formatMask(0)).isEqualTo("0x00000000");
    }

    @Property(tries = 500)
    void vendor_enumeration_values_pass_through(@ForAll @IntRange(min = 0, max = 0x0FFFFFFF) int low) {
        int vendor = 0x80000000 | low;
        for (EnumFamily<?> family : EnumFamily.all()) {
            assertThat(family.valueOf(family.nameOf(vendor))).isEqualTo(vendor);
        }
    }

    @Property(tries = 500)
    void every_mask_int_survives_format_and_parse(@ForAll int bits) {
        for (EnumFamily<?> family : EnumFamily.all()) {
            if (family.kind() == EnumFamily.Kind.MASK) {
                assertThat(family.parseMask(family.formatMask(bits))).isEqualTo(bits);
            }
        }
    }

    @Property(tries = 300)
    void unknown_and_extension_tags_keep_their_value(@ForAll @IntRange(min = 0, max = 0xFFFF) int low) {
        for (int value : new int[] {0x540000 | low, 0x420000 | Math.max(low, 1)}) {
            Tag tag = Tag.of(value);
            assertThat(tag.value()).isEqualTo(value);
            assertThat(Tag.fromXmlName(tag.xmlName())).contains(tag);
            assertThat(tag.isExtension()).isEqualTo(value >= 0x540000);
        }
    }

    @Test
    void names_outside_the_tables_are_refused() {
        assertThat(Tag.fromXmlName("NoSuchTag")).isEmpty();
        assertThat(Tag.fromXmlName("0x430000")).isEmpty();
        assertThat(Tag.fromXmlName("0xZZZZZZ")).isEmpty();
        assertThat(Tag.fromXmlName("0x42")).isEmpty();
        assertThat(CryptographicAlgorithm.FAMILY.byName("Rot13")).isEmpty();
        for (String bad : new String[] {"Rot13", "0x", "0x123456789", "0xGG"}) {
            assertThatThrownBy(() -> CryptographicAlgorithm.FAMILY.valueOf(bad))
                    .isInstanceOfSatisfying(KmipException.class,
                            e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_FIELD));
        }
        for (int bad : new int[] {0, 0x420000, 0x430000, 0x1000000, -1}) {
            assertThatThrownBy(() -> Tag.of(bad)).isInstanceOfSatisfying(KmipException.class,
                    e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_FIELD));
        }
    }
}
