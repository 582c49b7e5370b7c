package dev.krypton.kmip.server;

import dev.krypton.kmip.DecodeLimits;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.TtlvEncoder;
import dev.krypton.kmip.TtlvFrames;
import dev.krypton.kmip.message.MessageCodec;
import dev.krypton.kmip.message.RequestMessage;
import dev.krypton.kmip.message.ResponseMessage;
import dev.krypton.kmip.payload.StandardPayloads;
import java.io.IOException;
import java.util.Optional;
import javax.net.ssl.SSLSocket;

/** Bytes on a raw TLS socket, for what the KmipClient will not send or cannot read. */
final class RawKmip {

    static final MessageCodec CODEC = StandardPayloads.messageCodec();

    private RawKmip() {
    }

    static byte[] frame(RequestMessage request) {
        return TtlvEncoder.encode(CODEC.write(request));
    }

    static void write(SSLSocket socket, byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
    }

    /** The next response message, or empty when the server closed the connection. */
    static Optional<ResponseMessage> read(SSLSocket socket) throws IOException {
        Optional<Ttlv> tree = TtlvFrames.readMessage(socket.getInputStream(), DecodeLimits.DEFAULT);
        return tree.map(t -> CODEC.readResponse((Ttlv.Structure) t));
    }

    static ResponseMessage exchange(SSLSocket socket, RequestMessage request) throws IOException {
        write(socket, frame(request));
        return read(socket).orElseThrow(() -> new IOException("server closed the connection"));
    }
}
