package dev.krypton.kmip.payload;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.message.Builder;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.message.PayloadCodec;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestPayload;
import dev.krypton.kmip.message.ResponsePayload;

/** RNG Retrieve (KMIP 1.4 section 4.35, KMIP 2.1 section 6.1.49): random bytes from the server. */
public final class RngRetrieve {
    /** Reads both payloads of this operation. */
    public static final PayloadCodec CODEC = new PayloadCodec(Operation.RNG_RETRIEVE,
            (f, v) -> new Request(f.requiredInteger(Tag.DATA_LENGTH)),
            (f, v) -> new Response(f.requiredBytes(Tag.DATA)));

    private RngRetrieve() {
    }

    /** @param dataLength number of random bytes wanted */
    public record Request(int dataLength) implements RequestPayload {
        @Override
        public int operationCode() {
            return Operation.RNG_RETRIEVE.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            return Builder.request().integer(Tag.DATA_LENGTH, dataLength).build();
        }
    }

    /** @param data the random bytes */
    public record Response(Bytes data) implements ResponsePayload {
        @Override
        public int operationCode() {
            return Operation.RNG_RETRIEVE.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            return Builder.response().bytes(Tag.DATA, data).build();
        }
    }
}
