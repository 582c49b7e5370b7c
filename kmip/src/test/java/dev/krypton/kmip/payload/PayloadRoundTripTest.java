package dev.krypton.kmip.payload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.kmip.Operation;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.TtlvDecoder;
import dev.krypton.kmip.TtlvEncoder;
import dev.krypton.kmip.message.MessageCodec;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestMessage;
import dev.krypton.kmip.message.RequestPayload;
import dev.krypton.kmip.message.ResponseBatchItem;
import dev.krypton.kmip.message.ResponseHeader;
import dev.krypton.kmip.message.ResponseMessage;
import dev.krypton.kmip.message.ResponsePayload;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every typed payload survives record -> TTLV tree -> bytes -> tree -> record, in KMIP 1.x and 2.x. */
class PayloadRoundTripTest {
    private final MessageCodec codec = StandardPayloads.messageCodec();

    static Stream<Arguments> requests() {
        return Stream.of(ProtocolVersion.V1_0, ProtocolVersion.V1_4, ProtocolVersion.V2_0, ProtocolVersion.V2_1)
                .flatMap(v -> PayloadSamples.requests(v).stream().map(p -> Arguments.of(v, p)));
    }

    static Stream<Arguments> responses() {
        return Stream.of(ProtocolVersion.V1_4, ProtocolVersion.V2_1)
                .flatMap(v -> PayloadSamples.responses(v).stream().map(p -> Arguments.of(v, p)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("requests")
    void requestPayloadRoundTrips(ProtocolVersion v, RequestPayload payload) {
        var read = codec.registry().readRequest(payload.operationCode(), throughBytes(payload.toTtlv(v)), v);
        assertThat(read).isEqualTo(payload);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("responses")
    void responsePayloadRoundTrips(ProtocolVersion v, ResponsePayload payload) {
        var read = codec.registry().readResponse(payload.operationCode(), throughBytes(payload.toTtlv(v)), v);
        assertThat(read).isEqualTo(payload);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void wholeBatchOfEveryRequestRoundTripsAsOneMessage(ProtocolVersion v) {
        List<RequestPayload> all = PayloadSamples.requests(v);
        RequestMessage message = RequestMessage.batch(v, all);
        RequestMessage read = codec.readRequest(throughBytes(codec.write(message)));
        assertThat(read).isEqualTo(message);
        assertThat(read.batchItems()).hasSize(all.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void responseMessageRoundTripsWithSuccessAndFailureItems(ProtocolVersion v) {
        RequestMessage request = RequestMessage.batch(v, PayloadSamples.requests(v).subList(0, 2));
        var items = List.of(ResponseBatchItem.success(request.batchItems().get(0), PayloadSamples.responses(v).get(0)),
                ResponseBatchItem.failure(request.batchItems().get(1), dev.krypton.kmip.ResultReason.PERMISSION_DENIED, "denied"));
        var response = new ResponseMessage(ResponseHeader.of(v, Instant.ofEpochSecond(1_700_000_000L)), items);
        assertThat(codec.readResponse(throughBytes(codec.write(response)))).isEqualTo(response);
    }

    @org.junit.jupiter.api.Test
    void everyRegisteredOperationHasARequestAndResponseSample() {
        Set<Integer> sampled = PayloadSamples.requests(ProtocolVersion.V2_1).stream().map(RequestPayload::operationCode)
                .collect(Collectors.toSet());
        Set<Integer> answered = PayloadSamples.responses(ProtocolVersion.V2_1).stream().map(ResponsePayload::operationCode)
                .collect(Collectors.toSet());
        Set<Integer> registered = StandardPayloads.CODECS.stream().map(c -> c.operation().value()).collect(Collectors.toSet());
        assertThat(sampled).isEqualTo(registered).isEqualTo(answered);
        assertThat(registered).contains(Operation.SET_ATTRIBUTE.value(), Operation.RNG_RETRIEVE.value());
    }

    static Stream<ProtocolVersion> versions() {
        return Stream.of(ProtocolVersion.V1_0, ProtocolVersion.V1_2, ProtocolVersion.V1_4, ProtocolVersion.V2_0, ProtocolVersion.V2_1);
    }

    private static Ttlv.Structure throughBytes(Ttlv.Structure tree) {
        return (Ttlv.Structure) TtlvDecoder.decode(TtlvEncoder.encode(tree));
    }
}
