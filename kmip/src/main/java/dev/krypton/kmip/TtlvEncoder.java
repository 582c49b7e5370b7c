package dev.krypton.kmip;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Encodes TTLV items to bytes (KMIP 1.4 section 9.1.1, KMIP 2.1 section 10.1).
 *
 * <pre>
 *  0        3    4         8                                  8+padded(length)
 *  +--------+----+---------+----------------------------------+
 *  | tag    |type| length  | value, zero-padded to 8 bytes    |
 *  | 3 B BE | 1B | 4 B BE  |                                  |
 *  +--------+----+---------+----------------------------------+
 *  Integer, Enumeration, Interval: length 4, 4 zero bytes of padding
 *  Long Integer, Boolean, Date-Time, Date-Time Extended: length 8
 *  Text String, Byte String: padded to the next multiple of 8 (length excludes padding)
 *  Big Integer: two's complement, sign-extended at the front to a multiple of 8 (counted in length)
 *  Structure: the concatenated encodings of its items (length includes their padding)
 * </pre>
 *
 * <p>One pass computes the size, a second writes into a single array; structure lengths are
 * patched in after their items are written. Text is encoded straight into that array.
 */
public final class TtlvEncoder {
    static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final int MAX_DEPTH = 1000;

    private TtlvEncoder() {
    }

    /** The bytes of an item (usually a whole message). */
    public static byte[] encode(Ttlv item) {
        byte[] out = new byte[encodedLength(item)];
        write(item, out, 0);
        return out;
    }

    /**
     * The number of bytes {@link #encode(Ttlv)} produces, padding included.
     *
     * @throws KmipException Invalid Field when the item cannot be encoded (over 2 GiB, nesting
     *                       over 1000, text with an unpaired surrogate)
     */
    public static int encodedLength(Ttlv item) {
        long length = length(item, 1);
        if (length > Integer.MAX_VALUE - 8) {
            throw new KmipException(ResultReason.INVALID_FIELD, "message too large to encode");
        }
        return (int) length;
    }

    /** Writes the item into {@code out} at {@code offset}; returns the offset after it. */
    public static int encode(Ttlv item, byte[] out, int offset) {
        int length = encodedLength(item);
        if (offset < 0 || out.length - offset < length) {
            throw new KmipException(ResultReason.INVALID_FIELD, "target array too small");
        }
        return write(item, out, offset);
    }

    /**
     * Writes the item at the buffer's position and advances it.
     *
     * @throws KmipException Invalid Field when the buffer has fewer bytes remaining than the item needs
     */
    public static void encode(Ttlv item, ByteBuffer out) {
        int length = encodedLength(item);
        if (out.remaining() < length) {
            throw new KmipException(ResultReason.INVALID_FIELD,
                    "buffer has " + out.remaining() + " bytes left, item needs " + length);
        }
        if (out.hasArray()) {
            write(item, out.array(), out.arrayOffset() + out.position());
            out.position(out.position() + length);
        } else {
            byte[] bytes = new byte[length];
            write(item, bytes, 0);
            out.put(bytes);
        }
    }

    private static long length(Ttlv item, int depth) {
        return 8 + switch (item) {
            case Ttlv.Structure s -> {
                if (depth > MAX_DEPTH) {
                    throw new KmipException(ResultReason.INVALID_FIELD, "structure nested too deep to encode");
                }
                List<Ttlv> items = s.items();
                long sum = 0;
                for (int i = 0; i < items.size(); i++) {
                    sum += length(items.get(i), depth + 1);
                }
                yield sum;
            }
            case Ttlv.IntegerItem _, Ttlv.Enumeration _, Ttlv.Interval _ -> 8L;
            case Ttlv.LongInteger _, Ttlv.BooleanItem _, Ttlv.DateTime _, Ttlv.DateTimeExtended _ -> 8L;
            case Ttlv.BigIntegerItem b -> pad(b.value().bitLength() / 8 + 1);
            case Ttlv.TextString t -> pad(Utf8.length(t.value()));
            case Ttlv.ByteString b -> pad(b.length());
        };
    }

    private static long pad(long n) {
        return n + 7 & ~7L;
    }

    private static int write(Ttlv item, byte[] out, int pos) {
        int v = pos + 8;
        out[pos] = (byte) (item.tag().value() >>> 16);
        out[pos + 1] = (byte) (item.tag().value() >>> 8);
        out[pos + 2] = (byte) item.tag().value();
        out[pos + 3] = (byte) item.type().code();
        int length;
        int end;
        switch (item) {
            case Ttlv.Structure s -> {
                List<Ttlv> items = s.items();
                end = v;
                for (int i = 0; i < items.size(); i++) {
                    end = write(items.get(i), out, end);
                }
                length = end - v;
            }
            case Ttlv.IntegerItem i -> {
                length = 4;
                end = four(out, v, i.value());
            }
            case Ttlv.Enumeration e -> {
                length = 4;
                end = four(out, v, e.value());
            }
            case Ttlv.Interval i -> {
                length = 4;
                end = four(out, v, (int) i.seconds());
            }
            case Ttlv.LongInteger l -> {
                length = 8;
                end = eight(out, v, l.value());
            }
            case Ttlv.BooleanItem b -> {
                length = 8;
                end = eight(out, v, b.value() ? 1 : 0);
            }
            case Ttlv.DateTime d -> {
                length = 8;
                end = eight(out, v, d.epochSeconds());
            }
            case Ttlv.DateTimeExtended d -> {
                length = 8;
                end = eight(out, v, d.epochMicros());
            }
            case Ttlv.BigIntegerItem b -> {
                byte[] minimal = b.value().toByteArray();
                length = (int) pad(minimal.length);
                byte sign = (byte) (b.value().signum() < 0 ? -1 : 0);
                int lead = length - minimal.length;
                for (int i = 0; i < lead; i++) {
                    out[v + i] = sign;
                }
                System.arraycopy(minimal, 0, out, v + lead, minimal.length);
                end = v + length;
            }
            case Ttlv.TextString t -> {
                int stop = Utf8.encode(t.value(), out, v);
                length = stop - v;
                end = zero(out, stop, v + (int) pad(length));
            }
            case Ttlv.ByteString b -> {
                b.copyTo(out, v);
                length = b.length();
                end = zero(out, v + length, v + (int) pad(length));
            }
        }
        INT.set(out, pos + 4, length);
        return end;
    }

    private static int four(byte[] out, int v, int value) {
        INT.set(out, v, value);
        INT.set(out, v + 4, 0);
        return v + 8;
    }

    private static int eight(byte[] out, int v, long value) {
        LONG.set(out, v, value);
        return v + 8;
    }

    private static int zero(byte[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = 0;
        }
        return to;
    }
}
