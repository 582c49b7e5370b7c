package dev.krypton.kmip.payload;

import dev.krypton.kmip.InteropFunction;
import dev.krypton.kmip.Operation;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.message.Builder;
import dev.krypton.kmip.message.PayloadCodec;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestPayload;
import dev.krypton.kmip.message.ResponsePayload;

/**
 * Interop (KMIP 2.1 section 6.1.25): marks the Begin, End or Reset of an interoperability test
 * case, named by its Interop Identifier. The response payload is empty.
 */
public final class Interop {
    /** Reads both payloads of this operation. */
    public static final PayloadCodec CODEC = new PayloadCodec(Operation.INTEROP,
            (f, v) -> new Request(f.requiredEnumeration(Tag.INTEROP_FUNCTION, InteropFunction.FAMILY),
                    f.requiredText(Tag.INTEROP_IDENTIFIER)),
            (f, v) -> new Response());

    private Interop() {
    }

    /**
     * @param function   Begin, End or Reset
     * @param identifier the test case ("BL-M-1-21")
     */
    public record Request(InteropFunction function, String identifier) implements RequestPayload {
        @Override
        public int operationCode() {
            return Operation.INTEROP.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            return Builder.request().enumeration(Tag.INTEROP_FUNCTION, function)
                    .text(Tag.INTEROP_IDENTIFIER, identifier).build();
        }
    }

    /** The empty response payload. */
    public record Response() implements ResponsePayload {
        @Override
        public int operationCode() {
            return Operation.INTEROP.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            return Builder.response().build();
        }
    }
}
