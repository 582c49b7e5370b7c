package dev.krypton.kmip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The TTLV records are immutable and never reveal secret content. */
class TtlvModelTest {
    private static final byte[] SECRET = {0x5e, 0x63, 0x72, 0x65, 0x74, 0x21};

    @Test
    void byte_strings_copy_in_and_out() {
        byte[] input = SECRET.clone();
        var item = new Ttlv.ByteString(Tag.KEY_MATERIAL, input);
        input[0] = 0;
        assertThat(item.value()).containsExactly(SECRET);
        item.value()[1] = 0;
        assertThat(item.value()).containsExactly(SECRET);
    }

    @Test
    void byte_strings_compare_by_content_and_print_only_their_length() {
        var item = new Ttlv.ByteString(Tag.KEY_MATERIAL, SECRET);
        assertThat(item).isEqualTo(new Ttlv.ByteString(Tag.KEY_MATERIAL, SECRET.clone()));
        assertThat(item).isNotEqualTo(new Ttlv.ByteString(Tag.KEY_MATERIAL, new byte[6]));
        assertThat(item).isNotEqualTo(new Ttlv.ByteString(Tag.DATA, SECRET));
        assertThat(item.hashCode()).isEqualTo(new Ttlv.ByteString(Tag.KEY_MATERIAL, SECRET.clone()).hashCode());
        assertThat(item.toString()).contains("length=6").doesNotContain("5e").doesNotContain("94")
                .doesNotContain("^cret").doesNotContain("[94");
    }

    @Test
    void text_and_big_integers_print_no_content() {
        assertThat(new Ttlv.TextString(Tag.PASSWORD, "hunter2").toString()).doesNotContain("hunter2");
        BigInteger prime = new BigInteger("170141183460469231731687303715884105727");
        assertThat(new Ttlv.BigIntegerItem(Tag.PRIME_EXPONENT_P, prime).toString())
                .doesNotContain(prime.toString()).doesNotContain(prime.toString(16)).contains("bitLength=127");
        Ttlv.Structure s = Ttlv.Structure.of(Tag.KEY_VALUE, new Ttlv.TextString(Tag.PASSWORD, "hunter2"),
                new Ttlv.ByteString(Tag.KEY_MATERIAL, SECRET));
        assertThat(s.toString()).doesNotContain("hunter2").contains("KeyMaterial");
    }

    @Test
    void structures_copy_their_children_and_find_them_by_tag() {
        List<Ttlv> children = new ArrayList<>(List.of(new Ttlv.IntegerItem(Tag.BATCH_COUNT, 2),
                new Ttlv.Enumeration(Tag.OPERATION, Operation.ENCRYPT.value()),
                Ttlv.Enumeration.of(Tag.OPERATION, Operation.DECRYPT)));
        var s = new Ttlv.Structure(Tag.REQUEST_HEADER, children);
        children.clear();
        assertThat(s.items()).hasSize(3);
        assertThat(s.find(Tag.BATCH_COUNT)).contains(new Ttlv.IntegerItem(Tag.BATCH_COUNT, 2));
        assertThat(s.find(Tag.ATTRIBUTE)).isEmpty();
        assertThat(s.findAll(Tag.OPERATION)).extracting(t -> ((Ttlv.Enumeration) t).value())
                .containsExactly(Operation.ENCRYPT.value(), Operation.DECRYPT.value());
        assertThatThrownBy(() -> s.items().add(new Ttlv.BooleanItem(Tag.SENSITIVE, true)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void intervals_are_unsigned_32_bit() {
        assertThat(new Ttlv.Interval(Tag.LEASE_TIME, 0xFFFF_FFFFL).seconds()).isEqualTo(4294967295L);
        assertThatThrownBy(() -> new Ttlv.Interval(Tag.LEASE_TIME, -1)).isInstanceOf(KmipException.class);
        assertThatThrownBy(() -> new Ttlv.Interval(Tag.LEASE_TIME, 1L << 32)).isInstanceOf(KmipException.class);
    }

    @Test
    void every_item_reports_its_type() {
        Tag t = Tag.of(0x540001);
        assertThat(List.of(Ttlv.Structure.of(t), new Ttlv.IntegerItem(t, 1), new Ttlv.LongInteger(t, 1),
                new Ttlv.BigIntegerItem(t, BigInteger.TEN), new Ttlv.Enumeration(t, 1), new Ttlv.BooleanItem(t, true),
                new Ttlv.TextString(t, ""), new Ttlv.ByteString(t, new byte[0]), new Ttlv.DateTime(t, 0),
                new Ttlv.Interval(t, 0), new Ttlv.DateTimeExtended(t, 0)))
                .extracting(Ttlv::type).containsExactly(ItemType.values());
    }

    @Test
    void item_types_convert_from_codes_and_xml_names() {
        for (ItemType type : ItemType.values()) {
            assertThat(ItemType.fromCode(type.code())).contains(type);
            assertThat(ItemType.fromXmlName(type.xmlName())).contains(type);
        }
        assertThat(ItemType.fromCode(0)).isEmpty();
        assertThat(ItemType.fromCode(12)).isEmpty();
        assertThat(ItemType.fromXmlName("Float")).isEmpty();
    }

    @Test
    void exceptions_carry_their_result_reason() {
        var e = new KmipException(ResultReason.ITEM_NOT_FOUND, "no such key");
        assertThat(e.reason()).isEqualTo(ResultReason.ITEM_NOT_FOUND);
        assertThat(e).hasToString("KmipException[ItemNotFound]: no such key");
    }
}
