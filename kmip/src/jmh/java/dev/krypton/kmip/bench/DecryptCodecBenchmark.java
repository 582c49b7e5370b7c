package dev.krypton.kmip.bench;

import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.TtlvDecoder;
import dev.krypton.kmip.TtlvEncoder;
import dev.krypton.kmip.attribute.CryptographicParameters;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.message.MessageCodec;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestMessage;
import dev.krypton.kmip.message.ResponseBatchItem;
import dev.krypton.kmip.message.ResponseHeader;
import dev.krypton.kmip.message.ResponseMessage;
import dev.krypton.kmip.payload.Decrypt;
import dev.krypton.kmip.payload.StandardPayloads;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding and encoding a typical KMIP Decrypt exchange (an L4 data-key unwrap): the request
 * carries a key id, a 40-byte wrapped key (RFC 3394), no parameters; the response the 32-byte key.
 * "tree" benchmarks are the TTLV codec alone, "typed" ones add the message layer.
 *
 * <p>Run: {@code ./mvnw -B -pl kmip -Pbench -DskipTests package && java -jar kmip/target/benchmarks.jar -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecryptCodecBenchmark {
    private final MessageCodec codec = StandardPayloads.messageCodec();
    private RequestMessage request;
    private ResponseMessage response;
    private byte[] requestBytes;
    private byte[] responseBytes;

    @Setup
    public void setUp() {
        var decrypt = new Decrypt.Request(Optional.of("t1:kek:7"), Optional.empty(), Optional.of(Bytes.of(new byte[40])),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        request = RequestMessage.of(ProtocolVersion.V1_4, decrypt);
        requestBytes = TtlvEncoder.encode(codec.write(request));
        var item = ResponseBatchItem.success(request.batchItems().getFirst(),
                new Decrypt.Response("t1:kek:7", Optional.of(Bytes.of(new byte[32])), Optional.empty()));
        response = new ResponseMessage(ResponseHeader.of(ProtocolVersion.V1_4, Instant.ofEpochSecond(1_700_000_000L)), List.of(item));
        responseBytes = TtlvEncoder.encode(codec.write(response));
    }


    @Benchmark
    public Ttlv decodeRequestTree() {
        return TtlvDecoder.decode(requestBytes);
    }

    @Benchmark
    public RequestMessage decodeRequestTyped() {
        return codec.readRequest((Ttlv.Structure) TtlvDecoder.decode(requestBytes));
    }

    @Benchmark
    public byte[] encodeRequestTyped() {
        return TtlvEncoder.encode(codec.write(request));
    }

    @Benchmark
    public ResponseMessage decodeResponseTyped() {
        return codec.readResponse((Ttlv.Structure) TtlvDecoder.decode(responseBytes));
    }

    @Benchmark
    public byte[] encodeResponseTyped() {
        return TtlvEncoder.encode(codec.write(response));
    }

    /** A GCM request with parameters, IV, AAD and tag: the AEAD variant of the same exchange. */
    @Benchmark
    public RequestMessage decodeGcmRequestTyped(GcmState s) {
        return codec.readRequest((Ttlv.Structure) TtlvDecoder.decode(s.bytes));
    }

    /** Holds the encoded GCM request. */
    @State(Scope.Benchmark)
    public static class GcmState {
        byte[] bytes;

        @Setup
        public void setUp() {
            var params = CryptographicParameters.aesGcm(16);
            var decrypt = Decrypt.Request.of("t1:kek:7", params, Bytes.of(new byte[32]), Optional.of(Bytes.of(new byte[12])),
                    Optional.of(Bytes.of(new byte[16])), Optional.of(Bytes.of(new byte[16])));
            bytes = TtlvEncoder.encode(StandardPayloads.messageCodec().write(RequestMessage.of(ProtocolVersion.V1_4, decrypt)));
        }
    }
}
