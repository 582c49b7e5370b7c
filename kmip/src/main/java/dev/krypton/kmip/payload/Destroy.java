package dev.krypton.kmip.payload;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.message.Builder;
import dev.krypton.kmip.message.PayloadCodec;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestPayload;
import dev.krypton.kmip.message.ResponsePayload;
import java.util.Optional;

/** Destroy (KMIP 1.4 section 4.21, KMIP 2.1 section 6.1.15): destroys an object's key material. */
public final class Destroy {
    /** Reads both payloads of this operation. */
    public static final PayloadCodec CODEC = new PayloadCodec(Operation.DESTROY,
            (f, v) -> new Request(f.text(Tag.UNIQUE_IDENTIFIER)),
            (f, v) -> new Response(f.requiredText(Tag.UNIQUE_IDENTIFIER)));

    private Destroy() {
    }

    /** @param uniqueIdentifier the object; absent means the server's ID Placeholder */
    public record Request(Optional<String> uniqueIdentifier) implements RequestPayload {
        public static Request of(String uniqueIdentifier) {
            return new Request(Optional.of(uniqueIdentifier));
        }

        @Override
        public int operationCode() {
            return Operation.DESTROY.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            return Builder.request().text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier).build();
        }
    }

    /** @param uniqueIdentifier the object the operation acted on */
    public record Response(String uniqueIdentifier) implements ResponsePayload {
        @Override
        public int operationCode() {
            return Operation.DESTROY.value();
        }

        @Override
        public Structure toTtlv(ProtocolVersion v) {
            return Builder.response().text(Tag.UNIQUE_IDENTIFIER, uniqueIdentifier).build();
        }
    }
}
