package dev.krypton.kmip.payload;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.message.Builder;
import dev.krypton.kmip.message.PayloadCodec;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestPayload;
import dev.krypton.kmip.message.ResponsePayload;

/** Log (KMIP 2.1 section 6.1.27): a client asks the server to log a message. The response is empty. */
public final class Log {
    /** Reads both payloads of this operation. */
    public static final PayloadCodec CODEC = new PayloadCodec(Operation.LOG,
            (f, v) -> new Request(f.requiredText(Tag.LOG_MESSAGE)),
            (f, v) -> new Response());

    private Log() {
    }

    /** @param message the text to log */
    public record Request(String message) implements RequestPayload {
        @Override
        public int operationCode() {
            return Operation.LOG.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            return Builder.request().text(Tag.LOG_MESSAGE, message).build();
        }
    }

    /** The empty response payload. */
    public record Response() implements ResponsePayload {
        @Override
        public int operationCode() {
            return Operation.LOG.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            return Builder.response().build();
        }
    }
}
