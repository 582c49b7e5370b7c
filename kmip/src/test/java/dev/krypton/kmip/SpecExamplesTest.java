package dev.krypton.kmip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The TTLV encoding examples of KMIP 1.4 section 9.1.2, byte for byte, read from the spec text. */
class SpecExamplesTest {
    private static final Tag T = Tag.of(0x420020);

    /** The items the examples describe, in the order the section lists them. */
    private static final List<Ttlv> EXPECTED = List.of(
            new Ttlv.IntegerItem(T, 8),
            new Ttlv.LongInteger(T, 123456789000000000L),
            new Ttlv.BigIntegerItem(T, new BigInteger("1234567890000000000000000000")),
            new Ttlv.Enumeration(T, 255),
            new Ttlv.BooleanItem(T, true),
            new Ttlv.TextString(T, "Hello World"),
            new Ttlv.ByteString(T, new byte[] {1, 2, 3}),
            Ttlv.DateTime.of(T, Instant.parse("2008-03-14T11:56:40Z")),
            new Ttlv.Interval(T, 10 * 24 * 3600),
            Ttlv.Structure.of(T, new Ttlv.Enumeration(Tag.of(0x420004), 254),
                    new Ttlv.IntegerItem(Tag.of(0x420005), 255)));

    private static List<byte[]> specBytes() throws IOException {
        try (InputStream in = SpecExamplesTest.class.getResourceAsStream("/spec/kmip-1.4-section-9.1.2-examples.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines()
                    .filter(line -> line.startsWith("42 00 20 |"))
                    .map(line -> HexFormat.of().parseHex(line.replaceAll("[^0-9A-Fa-f]", "")))
                    .toList();
        }
    }

    @Test
    void the_section_has_one_byte_line_per_described_item() throws IOException {
        assertThat(specBytes()).hasSize(EXPECTED.size());
    }

    @Test
    void every_example_encodes_to_exactly_the_spec_bytes() throws IOException {
        List<byte[]> bytes = specBytes();
        for (int i = 0; i < EXPECTED.size(); i++) {
            assertThat(HexFormat.of().formatHex(TtlvEncoder.encode(EXPECTED.get(i))))
                    .as("example %d: %s", i, EXPECTED.get(i))
                    .isEqualTo(HexFormat.of().formatHex(bytes.get(i)));
        }
    }

    @Test
    void every_example_decodes_to_the_described_item() throws IOException {
        List<byte[]> bytes = specBytes();
        for (int i = 0; i < EXPECTED.size(); i++) {
            assertThat(TtlvDecoder.decode(bytes.get(i))).as("example %d", i).isEqualTo(EXPECTED.get(i));
        }
    }

    @Test
    void date_time_extended_uses_type_0b_and_eight_bytes_of_microseconds() {
        // KMIP 2.1 section 10.1 gives no byte examples; this follows its Type and Length tables.
        var item = new Ttlv.DateTimeExtended(T, 1_205_495_800_123_456L);
        byte[] bytes = TtlvEncoder.encode(item);
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo("4200200b00000008" + "000448645cf1d040");
        assertThat(TtlvDecoder.decode(bytes)).isEqualTo(item);
    }
}
