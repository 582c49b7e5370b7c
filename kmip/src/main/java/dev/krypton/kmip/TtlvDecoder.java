package dev.krypton.kmip;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes TTLV bytes into items (layout drawn in {@link TtlvEncoder}), treating every input as
 * hostile.
 *
 * <p>Before anything is allocated for an item, its length is checked against the bytes that
 * remain in the enclosing structure and in the input, and the input against
 * {@link DecodeLimits#maxMessageBytes()}; nesting depth and item count are bounded by the limits.
 * Every departure from KMIP 1.4 section 9.1.1 / KMIP 2.1 section 10.1 (unknown type code, tag
 * outside 0x42xxxx/0x54xxxx, wrong fixed length, non-zero padding, Boolean other than 0 or 1,
 * invalid UTF-8, a child overrunning its structure, truncation, trailing bytes) raises a
 * {@link KmipException} with reason Invalid Message, and nothing else is thrown.
 *
 * <p>Big Integers are accepted with more sign-extension than the minimum; they re-encode minimally.
 */
public final class TtlvDecoder {
    private final byte[] in;
    private final DecodeLimits limits;
    private int items;
    private int pos;
    private Ttlv[] stack = new Ttlv[16];
    private int top;

    private TtlvDecoder(byte[] in, DecodeLimits limits) {
        this.in = in;
        this.limits = limits;
    }

    /** Decodes one whole item that fills {@code bytes}, with the default limits. */
    public static Ttlv decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length, DecodeLimits.DEFAULT);
    }

    /** Decodes one item that fills exactly {@code bytes[offset, offset + length)}. */
    public static Ttlv decode(byte[] bytes, int offset, int length, DecodeLimits limits) {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw invalid("range outside the input array");
        }
        if (length > limits.maxMessageBytes()) {
            throw invalid("message of " + length + " bytes exceeds the limit of " + limits.maxMessageBytes());
        }
        TtlvDecoder decoder = new TtlvDecoder(bytes, limits);
        int end = offset + length;
        decoder.pos = offset;
        Ttlv item = decoder.item(end, 1);
        if (decoder.pos != end) {
            throw invalid((end - decoder.pos) + " trailing bytes after the item");
        }
        return item;
    }

    /** Decodes one item that fills the buffer's remaining bytes, and consumes them. */
    public static Ttlv decode(ByteBuffer buffer, DecodeLimits limits) {
        int length = buffer.remaining();
        if (length > limits.maxMessageBytes()) {
            throw invalid("message of " + length + " bytes exceeds the limit of " + limits.maxMessageBytes());
        }
        Ttlv item;
        if (buffer.hasArray()) {
            item = decode(buffer.array(), buffer.arrayOffset() + buffer.position(), length, limits);
        } else {
            byte[] copy = new byte[length];
            buffer.duplicate().get(copy);
            item = decode(copy, 0, length, limits);
        }
        buffer.position(buffer.position() + length);
        return item;
    }

    /** Decodes the item at {@link #pos}, which must end by {@code end}, and moves past it. */
    private Ttlv item(int end, int depth) {
        int pos = this.pos;
        if (end - pos < 8) {
            throw invalid("truncated item header at offset " + pos);
        }
        if (depth > limits.maxDepth()) {
            throw invalid("structures nested deeper than " + limits.maxDepth());
        }
        if (++items > limits.maxItems()) {
            throw invalid("more than " + limits.maxItems() + " items");
        }
        int tagValue = (in[pos] & 0xFF) << 16 | (in[pos + 1] & 0xFF) << 8 | in[pos + 2] & 0xFF;
        if (!Tag.isValid(tagValue)) {
            throw invalid("tag 0x" + Integer.toHexString(tagValue) + " outside 0x42xxxx/0x54xxxx at offset " + pos);
        }
        Tag tag = Tag.of(tagValue);
        int typeCode = in[pos + 3] & 0xFF;
        long length = Integer.toUnsignedLong((int) TtlvEncoder.INT.get(in, pos + 4));
        long padded = length + 7 & ~7L;
        int v = pos + 8;
        if (padded > end - v) {
            throw invalid("item " + tag + " of length " + length + " overruns its container at offset " + pos);
        }
        int len = (int) length;
        int next = v + (int) padded;
        this.pos = next;
        ItemType type = ItemType.byCode(typeCode);
        if (type == null) {
            throw invalid("unknown item type " + typeCode + " at offset " + pos);
        }
        return switch (type) {
            case STRUCTURE -> structure(tag, v, len, depth);
            case INTEGER -> new Ttlv.IntegerItem(tag, four(tag, v, len));
            case ENUMERATION -> new Ttlv.Enumeration(tag, four(tag, v, len));
            case INTERVAL -> new Ttlv.Interval(tag, Integer.toUnsignedLong(four(tag, v, len)));
            case LONG_INTEGER -> new Ttlv.LongInteger(tag, eight(tag, v, len));
            case DATE_TIME -> new Ttlv.DateTime(tag, eight(tag, v, len));
            case DATE_TIME_EXTENDED -> new Ttlv.DateTimeExtended(tag, eight(tag, v, len));
            case BOOLEAN -> new Ttlv.BooleanItem(tag, bool(tag, v, len));
            case BIG_INTEGER -> {
                if (len == 0 || len % 8 != 0) {
                    throw invalid("big integer " + tag + " length " + len + " is not a positive multiple of 8");
                }
                yield new Ttlv.BigIntegerItem(tag, new BigInteger(in, v, len));
            }
            case TEXT_STRING -> {
                zeroPadding(tag, v + len, next);
                yield new Ttlv.TextString(tag, Utf8.decode(in, v, len));
            }
            case BYTE_STRING -> {
                zeroPadding(tag, v + len, next);
                yield new Ttlv.ByteString(tag, Arrays.copyOfRange(in, v, v + len));
            }
        };
    }

    private Ttlv.Structure structure(Tag tag, int v, int len, int depth) {
        if (len % 8 != 0) {
            throw invalid("structure " + tag + " length " + len + " is not a multiple of 8");
        }
        int end = v + len;
        int base = top;
        pos = v;
        while (pos < end) {
            Ttlv child = item(end, depth + 1);
            if (top == stack.length) {
                stack = Arrays.copyOf(stack, top * 2);
            }
            stack[top++] = child;
        }
        List<Ttlv> children = switch (top - base) {
            case 0 -> List.of();
            case 1 -> List.of(stack[base]);
            case 2 -> List.of(stack[base], stack[base + 1]);
            default -> List.of(Arrays.copyOfRange(stack, base, top));
        };
        Arrays.fill(stack, base, top, null);
        top = base;
        pos = end;
        return new Ttlv.Structure(tag, children);
    }

    private int four(Tag tag, int v, int len) {
        if (len != 4) {
            throw invalid("item " + tag + " has length " + len + ", must be 4");
        }
        zeroPadding(tag, v + 4, v + 8);
        return (int) TtlvEncoder.INT.get(in, v);
    }

    private long eight(Tag tag, int v, int len) {
        if (len != 8) {
            throw invalid("item " + tag + " has length " + len + ", must be 8");
        }
        return (long) TtlvEncoder.LONG.get(in, v);
    }

    private boolean bool(Tag tag, int v, int len) {
        long value = eight(tag, v, len);
        if (value != 0 && value != 1) {
            throw invalid("boolean " + tag + " is neither 0 nor 1");
        }
        return value == 1;
    }

    private void zeroPadding(Tag tag, int from, int to) {
        for (int i = from; i < to; i++) {
            if (in[i] != 0) {
                throw invalid("non-zero padding after " + tag + " at offset " + i);
            }
        }
    }

    private static KmipException invalid(String message) {
        return new KmipException(ResultReason.INVALID_MESSAGE, message);
    }
}
