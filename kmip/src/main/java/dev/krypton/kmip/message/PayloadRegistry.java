package dev.krypton.kmip.message;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.Ttlv.Structure;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Operation to {@link PayloadCodec}: turns payload structures into typed records.
 *
 * <p>Requests are read strictly: a field the operation's record does not know is Invalid Field.
 * Responses are read leniently (extra fields ignored), since a client should not fail on a newer
 * server's additions. Operations without a codec come back as {@link RawPayload}.
 */
public final class PayloadRegistry {
    private final Map<Integer, PayloadCodec> byOperation;

    private PayloadRegistry(Map<Integer, PayloadCodec> byOperation) {
        this.byOperation = Map.copyOf(byOperation);
    }

    /** A registry of exactly these codecs; a later codec for the same operation replaces an earlier one. */
    public static PayloadRegistry of(List<PayloadCodec> codecs) {
        Map<Integer, PayloadCodec> map = new HashMap<>();
        codecs.forEach(c -> map.put(c.operation().value(), c));
        return new PayloadRegistry(map);
    }

    /** This registry plus (or with a replaced) {@code codec}. */
    public PayloadRegistry with(PayloadCodec codec) {
        Map<Integer, PayloadCodec> map = new HashMap<>(byOperation);
        map.put(codec.operation().value(), codec);
        return new PayloadRegistry(map);
    }

    /** Whether a typed codec exists for this operation value. */
    public boolean supports(int operationCode) {
        return byOperation.containsKey(operationCode);
    }

    /** The codec of an operation, if registered. */
    public Optional<PayloadCodec> codec(Operation operation) {
        return Optional.ofNullable(byOperation.get(operation.value()));
    }

    /** Reads a Request Payload of {@code operationCode}; unknown operations give a {@link RawPayload}. */
    public RequestPayload readRequest(int operationCode, Structure payload, ProtocolVersion version) {
        PayloadCodec codec = byOperation.get(operationCode);
        if (codec == null) {
            return new RawPayload(operationCode, payload);
        }
        Fields fields = Fields.of(payload, codec.requestName());
        RequestPayload result = codec.request().read(fields, version);
        fields.end();
        return result;
    }

    /** Reads a Response Payload of {@code operationCode}; unknown operations give a {@link RawPayload}. */
    public ResponsePayload readResponse(int operationCode, Structure payload, ProtocolVersion version) {
        PayloadCodec codec = byOperation.get(operationCode);
        if (codec == null) {
            return new RawPayload(operationCode, payload);
        }
        return codec.response().read(Fields.of(payload, codec.responseName()), version);
    }
}
