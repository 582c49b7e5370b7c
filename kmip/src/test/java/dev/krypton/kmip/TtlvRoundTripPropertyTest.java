package dev.krypton.kmip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Arbitrary TTLV trees survive encode and decode, whole and through fragmented streams. */
class TtlvRoundTripPropertyTest {

    @Provide
    Arbitrary<Ttlv> trees() {
        return TtlvArbitraries.trees();
    }

    @Provide
    Arbitrary<List<Ttlv.Structure>> messageStreams() {
        return TtlvArbitraries.trees().list().ofMaxSize(5)
                .map(items -> new Ttlv.Structure(Tag.REQUEST_MESSAGE, items))
                .list().ofMaxSize(4);
    }

    @Property(tries = 2000)
    void encode_then_decode_gives_the_same_tree(@ForAll("trees") Ttlv tree) {
        byte[] bytes = TtlvEncoder.encode(tree);
        assertThat(bytes.length).isEqualTo(TtlvEncoder.encodedLength(tree));
        assertThat(bytes.length % 8).isZero();
        assertThat(TtlvDecoder.decode(bytes)).isEqualTo(tree);
        assertThat(TtlvEncoder.encode(TtlvDecoder.decode(bytes))).isEqualTo(bytes);
    }

    @Property(tries = 300)
    void encoding_at_an_offset_writes_only_the_item(@ForAll("trees") Ttlv tree, @ForAll @IntRange(max = 64) int offset) {
        byte[] out = new byte[offset + TtlvEncoder.encodedLength(tree) + 8];
        int end = TtlvEncoder.encode(tree, out, offset);
        assertThat(end - offset).isEqualTo(TtlvEncoder.encodedLength(tree));
        assertThat(TtlvDecoder.decode(out, offset, end - offset, DecodeLimits.DEFAULT)).isEqualTo(tree);
    }

    @Property(tries = 300)
    void fragmented_streams_yield_every_message_then_a_clean_end(
            @ForAll("messageStreams") List<Ttlv.Structure> messages, @ForAll long seed) throws IOException {
        var all = new java.io.ByteArrayOutputStream();
        for (Ttlv.Structure m : messages) {
            all.write(TtlvEncoder.encode(m));
        }
        InputStream in = new TricklingStream(all.toByteArray(), new Random(seed));
        for (Ttlv.Structure m : messages) {
            assertThat(TtlvFrames.readMessage(in, DecodeLimits.DEFAULT)).contains(m);
        }
        assertThat(TtlvFrames.readMessage(in, DecodeLimits.DEFAULT)).isEmpty();
    }

    @Property(tries = 200)
    void text_with_an_unpaired_surrogate_cannot_be_encoded(@ForAll @IntRange(min = 0xD800, max = 0xDFFF) int surrogate) {
        var item = new Ttlv.TextString(Tag.NAME_VALUE, "ab" + (char) surrogate);
        assertThatThrownBy(() -> TtlvEncoder.encode(item)).isInstanceOfSatisfying(KmipException.class,
                e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_FIELD));
    }

    /** Returns at most a few random bytes per read, as a TLS or TCP stream may. */
    static final class TricklingStream extends InputStream {
        private final ByteArrayInputStream in;
        private final Random random;

        TricklingStream(byte[] bytes, Random random) {
            this.in = new ByteArrayInputStream(bytes);
            this.random = random;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, Math.min(len, 1 + random.nextInt(7)));
        }
    }
}
