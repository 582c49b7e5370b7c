package dev.krypton.kmip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Message size limits, forged lengths and stream framing. */
class FramingAndLimitsTest {
    private static final Ttlv.Structure MESSAGE = Ttlv.Structure.of(Tag.REQUEST_MESSAGE,
            new Ttlv.IntegerItem(Tag.BATCH_COUNT, 1), new Ttlv.TextString(Tag.UNIQUE_IDENTIFIER, "k:1:2"));

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    private static void assertInvalid(ThrowingRunnable action) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(KmipException.class,
                e -> assertThat(e.reason()).isEqualTo(ResultReason.INVALID_MESSAGE));
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void a_message_larger_than_the_limit_is_refused_before_decoding() {
        byte[] bytes = TtlvEncoder.encode(MESSAGE);
        DecodeLimits limits = DecodeLimits.DEFAULT.withMaxMessageBytes(bytes.length - 8);
        assertInvalid(() -> TtlvDecoder.decode(bytes, 0, bytes.length, limits));
        assertThat(TtlvDecoder.decode(bytes, 0, bytes.length, DecodeLimits.DEFAULT.withMaxMessageBytes(bytes.length)))
                .isEqualTo(MESSAGE);
    }

    @Test
    void forged_lengths_allocate_nothing_near_their_claim() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] forged = hex("42007801 7FFFFFF8 42000F08 7FFFFFE0 00000000 00000000");
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100; i++) {
            assertInvalid(() -> TtlvDecoder.decode(forged));
            assertInvalid(() -> TtlvFrames.readFrame(new ByteArrayInputStream(forged), DecodeLimits.DEFAULT));
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated by 200 refusals of a 2 GiB claim").isLessThan(20L << 20);
    }

    @Test
    void frames_are_read_back_to_back_until_a_clean_end() throws IOException {
        byte[] one = TtlvEncoder.encode(MESSAGE);
        ByteBuffer two = ByteBuffer.allocate(one.length * 2).put(one).put(one);
        var in = new ByteArrayInputStream(two.array());
        assertThat(TtlvFrames.readMessage(in, DecodeLimits.DEFAULT)).contains(MESSAGE);
        assertThat(TtlvFrames.readFrame(in, DecodeLimits.DEFAULT)).hasValueSatisfying(f -> assertThat(f).isEqualTo(one));
        assertThat(TtlvFrames.readMessage(in, DecodeLimits.DEFAULT)).isEmpty();
    }

    @Test
    void a_stream_ending_inside_a_message_is_an_invalid_message() {
        byte[] one = TtlvEncoder.encode(MESSAGE);
        for (int cut = 1; cut < one.length; cut++) {
            byte[] part = java.util.Arrays.copyOf(one, cut);
            assertInvalid(() -> TtlvFrames.readMessage(new ByteArrayInputStream(part), DecodeLimits.DEFAULT));
        }
    }

    @Test
    void a_frame_header_must_announce_an_acceptable_structure() {
        for (String header : List.of(
                "42007802 00000004 00000001 00000000",
                "42007801 0000000C 00000000 00000000 00000000",
                "43007801 00000000",
                "42007801 00100000")) {
            assertInvalid(() -> TtlvFrames.readFrame(new ByteArrayInputStream(hex(header)), DecodeLimits.DEFAULT));
        }
        assertThat(TtlvFrames.bodyLength(hex("42007801 000FFFF8"), 0, DecodeLimits.DEFAULT)).isEqualTo(0xFFFF8);
        assertInvalid(() -> TtlvFrames.bodyLength(hex("420078"), 0, DecodeLimits.DEFAULT));
    }

    @Test
    void byte_buffers_decode_and_encode_at_their_position() {
        byte[] one = TtlvEncoder.encode(MESSAGE);
        ByteBuffer heap = ByteBuffer.allocate(one.length + 16).position(16);
        TtlvEncoder.encode(MESSAGE, heap);
        assertThat(heap.position()).isEqualTo(16 + one.length);
        ByteBuffer direct = ByteBuffer.allocateDirect(one.length).put(one).flip();
        assertThat(TtlvDecoder.decode(direct, DecodeLimits.DEFAULT)).isEqualTo(MESSAGE);
        assertThat(direct.hasRemaining()).isFalse();
        assertThat(TtlvDecoder.decode(heap.flip().position(16), DecodeLimits.DEFAULT)).isEqualTo(MESSAGE);
    }

    @Test
    void encoding_refuses_targets_without_room() {
        int length = TtlvEncoder.encodedLength(MESSAGE);
        for (ByteBuffer small : List.of(ByteBuffer.allocate(length + 8).limit(length - 8),
                ByteBuffer.allocateDirect(length - 8), ByteBuffer.allocate(length).position(8))) {
            int position = small.position();
            assertThatThrownBy(() -> TtlvEncoder.encode(MESSAGE, small)).isInstanceOf(KmipException.class);
            assertThat(small.position()).isEqualTo(position);
        }
        assertThatThrownBy(() -> TtlvEncoder.encode(MESSAGE, new byte[length], 1)).isInstanceOf(KmipException.class);
        assertThatThrownBy(() -> TtlvEncoder.encode(MESSAGE, new byte[length], -1)).isInstanceOf(KmipException.class);
        ByteBuffer direct = ByteBuffer.allocateDirect(length);
        TtlvEncoder.encode(MESSAGE, direct);
        assertThat(TtlvDecoder.decode(direct.flip(), DecodeLimits.DEFAULT)).isEqualTo(MESSAGE);
    }

    @Test
    void limits_reject_unusable_bounds() {
        assertThatThrownBy(() -> new DecodeLimits(8, 32, 10)).isInstanceOf(KmipException.class);
        assertThatThrownBy(() -> new DecodeLimits(1024, 0, 10)).isInstanceOf(KmipException.class);
        assertThatThrownBy(() -> new DecodeLimits(1024, DecodeLimits.MAX_DEPTH + 1, 10))
                .isInstanceOf(KmipException.class);
        assertThatThrownBy(() -> new DecodeLimits(1024, 8, 0)).isInstanceOf(KmipException.class);
    }
}
