package dev.krypton.kmip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each malformed TTLV input is refused with one KmipException carrying Invalid Message. */
class HostileInputTest {

    static KmipException decodeFails(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex.replace(" ", ""));
        Throwable thrown = catchThrowable(() -> TtlvDecoder.decode(bytes));
        assertThat(thrown).isInstanceOf(KmipException.class);
        return (KmipException) thrown;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            empty input;                                   ''
            header cut short;                              42002002000000
            value cut short;                               42002002 00000004 00000008
            padding cut short;                             42002007 0000000B 48656C6C6F20576F726C64
            integer of length 8;                           42002002 00000008 00000000 00000008
            integer of length 0;                           42002002 00000000
            enumeration of length 5;                       42002005 00000005 000000FF 00000000
            interval of length 2;                          4200200A 00000002 00000000 00000000
            long integer of length 4;                      42002003 00000004 00000001 00000000
            boolean of length 4;                           42002006 00000004 00000001 00000000
            boolean of value 2;                            42002006 00000008 00000000 00000002
            boolean with a high bit;                       42002006 00000008 80000000 00000001
            date-time of length 16;                        42002009 00000010 00000000 47DA67F8 00000000 00000000
            date-time extended of length 4;                4200200B 00000004 00000001 00000000
            big integer of length 0;                       42002004 00000000
            big integer of length 12;                      42002004 0000000C 00000000 00000001 00000002 00000000
            non-zero integer padding;                      42002002 00000004 00000008 00000001
            non-zero enumeration padding;                  42002005 00000004 000000FF 01000000
            non-zero interval padding;                     4200200A 00000004 000D2F00 000000FF
            non-zero text padding;                         42002007 00000003 414243 0000000001
            non-zero byte string padding;                  42002008 00000003 010203 FF00000000
            invalid UTF-8 continuation;                    42002007 00000002 C328 000000000000
            overlong UTF-8;                                42002007 00000002 C0AF 000000000000
            UTF-8 encoded surrogate;                       42002007 00000003 EDA080 0000000000
            unknown type 00;                               42002000 00000004 00000008 00000000
            unknown type 0C;                               4200200C 00000004 00000008 00000000
            unknown type FF;                               420020FF 00000004 00000008 00000000
            tag 0x000000;                                  00000002 00000004 00000008 00000000
            tag 0x420000;                                  42000002 00000004 00000008 00000000
            tag 0x430001;                                  43000102 00000004 00000008 00000000
            tag 0xFFFFFF;                                  FFFFFF02 00000004 00000008 00000000
            trailing bytes;                                42002002 00000004 00000008 00000000 00
            trailing item;                                 42002002 00000004 00000008 00000000 42002002 00000004 00000008 00000000
            structure length not a multiple of 8;          42002001 0000000C 42000402 00000004 000000FE 00000000
            structure shorter than its child;              42002001 00000008 42000402 00000004 000000FE 00000000
            child overrunning its structure;               42002001 00000010 42000408 00000010 00000000 00000000
            forged byte string length 2^31-1;              42002008 7FFFFFFF 01020300 00000000
            forged byte string length 2^32-1;              42002008 FFFFFFFF 01020300 00000000
            forged text length 2^32-8;                     42002007 FFFFFFF8 41000000 00000000
            forged big integer length 2^31-8;              42002004 7FFFFFF8 00000000 00000001
            forged structure length 2^32-8;                42002001 FFFFFFF8 42000402 00000004 000000FE 00000000
            """)
    void malformed_input_is_an_invalid_message(String name, String hex) {
        assertThat(decodeFails(hex == null ? "" : hex).reason()).as(name).isEqualTo(ResultReason.INVALID_MESSAGE);
    }

    @ParameterizedTest(name = "depth limit {0}")
    @CsvSource({"1", "2", "32"})
    void nesting_beyond_the_depth_limit_is_refused(int maxDepth) {
        DecodeLimits limits = DecodeLimits.DEFAULT.withMaxDepth(maxDepth);
        assertThat(TtlvDecoder.decode(nested(maxDepth), 0, nested(maxDepth).length, limits))
                .isInstanceOf(Ttlv.Structure.class);
        byte[] tooDeep = nested(maxDepth + 1);
        assertThatThrownBy(() -> TtlvDecoder.decode(tooDeep, 0, tooDeep.length, limits))
                .isInstanceOfSatisfying(KmipException.class,
                        e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_MESSAGE));
    }

    @ParameterizedTest(name = "item limit {0}")
    @CsvSource({"1", "3", "100"})
    void more_items_than_the_limit_are_refused(int maxItems) {
        DecodeLimits limits = DecodeLimits.DEFAULT.withMaxItems(maxItems);
        byte[] fits = TtlvEncoder.encode(flat(maxItems - 1));
        assertThat(TtlvDecoder.decode(fits, 0, fits.length, limits)).isInstanceOf(Ttlv.Structure.class);
        byte[] tooMany = TtlvEncoder.encode(flat(maxItems));
        assertThatThrownBy(() -> TtlvDecoder.decode(tooMany, 0, tooMany.length, limits))
                .isInstanceOfSatisfying(KmipException.class,
                        e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_MESSAGE));
    }

    static byte[] nested(int depth) {
        Ttlv item = new Ttlv.Structure(Tag.BATCH_ITEM, List.of());
        for (int i = 1; i < depth; i++) {
            item = Ttlv.Structure.of(Tag.BATCH_ITEM, item);
        }
        return TtlvEncoder.encode(item);
    }

    static Ttlv.Structure flat(int children) {
        Ttlv[] items = new Ttlv[children];
        for (int i = 0; i < children; i++) {
            items[i] = new Ttlv.IntegerItem(Tag.BATCH_COUNT, i);
        }
        return Ttlv.Structure.of(Tag.REQUEST_MESSAGE, items);
    }
}
