package dev.krypton.kmip;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads whole KMIP messages off a byte stream: one top-level Structure per message
 * (KMIP 1.4 section 9.1, KMIP 2.1 section 10.1).
 *
 * <p>The 8-byte header is read first; its type must be Structure and its length a multiple of 8
 * within {@link DecodeLimits#maxMessageBytes()}. Only then is the body's buffer allocated and
 * filled, so a forged length costs nothing. Partial reads (TLS records, small TCP segments) are
 * reassembled; a stream that ends inside a message is an Invalid Message.
 */
public final class TtlvFrames {
    /** Size of a TTLV item header: tag (3), type (1), length (4). */
    public static final int HEADER_BYTES = 8;

    private TtlvFrames() {
    }

    /**
     * The body length a message header announces, after checking it against the limits; for
     * non-blocking readers that collect the bytes themselves.
     *
     * @throws KmipException Invalid Message when the header cannot start an acceptable message
     */
    public static int bodyLength(byte[] header, int offset, DecodeLimits limits) {
        if (offset < 0 || header.length - offset < HEADER_BYTES) {
            throw new KmipException(ResultReason.INVALID_MESSAGE, "incomplete message header");
        }
        int tag = (header[offset] & 0xFF) << 16 | (header[offset + 1] & 0xFF) << 8 | header[offset + 2] & 0xFF;
        if (!Tag.isValid(tag)) {
            throw new KmipException(ResultReason.INVALID_MESSAGE, "message tag outside 0x42xxxx/0x54xxxx");
        }
        if (header[offset + 3] != ItemType.STRUCTURE.code()) {
            throw new KmipException(ResultReason.INVALID_MESSAGE, "a message must be a Structure");
        }
        long length = Integer.toUnsignedLong((int) TtlvEncoder.INT.get(header, offset + 4));
        if (length % 8 != 0) {
            throw new KmipException(ResultReason.INVALID_MESSAGE, "message length is not a multiple of 8");
        }
        if (length > limits.maxMessageBytes() - HEADER_BYTES) {
            throw new KmipException(ResultReason.INVALID_MESSAGE,
                    "message of " + (length + HEADER_BYTES) + " bytes exceeds the limit of " + limits.maxMessageBytes());
        }
        return (int) length;
    }

    /**
     * The bytes of the next whole message (header included), or empty when the stream ends
     * cleanly before its first byte.
     *
     * @throws KmipException Invalid Message on a bad header or a stream that ends mid-message
     * @throws IOException   when the stream fails
     */
    public static Optional<byte[]> readFrame(InputStream in, DecodeLimits limits) throws IOException {
        byte[] header = new byte[HEADER_BYTES];
        int got = readFully(in, header, 0, HEADER_BYTES);
        if (got == 0) {
            return Optional.empty();
        }
        if (got < HEADER_BYTES) {
            throw new KmipException(ResultReason.INVALID_MESSAGE, "stream ended inside a message header");
        }
        int body = bodyLength(header, 0, limits);
        byte[] frame = new byte[HEADER_BYTES + body];
        System.arraycopy(header, 0, frame, 0, HEADER_BYTES);
        if (readFully(in, frame, HEADER_BYTES, body) < body) {
            throw new KmipException(ResultReason.INVALID_MESSAGE, "stream ended inside a message body");
        }
        return Optional.of(frame);
    }

    /**
     * The next whole message, decoded, or empty at a clean end of stream.
     *
     * @throws KmipException Invalid Message on any malformed or truncated message
     * @throws IOException   when the stream fails
     */
    public static Optional<Ttlv> readMessage(InputStream in, DecodeLimits limits) throws IOException {
        Optional<byte[]> frame = readFrame(in, limits);
        if (frame.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(TtlvDecoder.decode(frame.get(), 0, frame.get().length, limits));
    }

    private static int readFully(InputStream in, byte[] buffer, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = in.read(buffer, offset + done, length - done);
            if (n < 0) {
                break;
            }
            done += n;
        }
        return done;
    }
}
