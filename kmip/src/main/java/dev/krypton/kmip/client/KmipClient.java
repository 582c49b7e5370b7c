package dev.krypton.kmip.client;

import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.Ttlv.Structure;
import dev.krypton.kmip.TtlvEncoder;
import dev.krypton.kmip.message.MessageCodec;
import dev.krypton.kmip.message.RequestMessage;
import dev.krypton.kmip.message.RequestPayload;
import dev.krypton.kmip.message.ResponseBatchItem;
import dev.krypton.kmip.message.ResponseMessage;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.payload.StandardPayloads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A blocking KMIP client over mutual TLS (KMIP 1.4 section 10, KMIP 2.1 section 10.4), safe for
 * concurrent callers. Each exchange borrows a pooled connection; {@link #pipeline} writes several
 * request messages before reading the answers, which come back in order. Failures are
 * {@link KmipException}s: transport problems carry General Failure, a failed batch item in
 * {@link #call} carries the server's Result Reason and message. {@link KmipOperations} adds one
 * method per operation.
 */
public final class KmipClient implements AutoCloseable {
    private final ClientConfig config;
    private final MessageCodec codec;
    private final ConnectionPool pool;

    private KmipClient(ClientConfig config, MessageCodec codec) {
        this.config = config;
        this.codec = codec;
        this.pool = new ConnectionPool(config);
    }

    /** A client for {@code config} with the standard payload codecs; connections open on first use. */
    public static KmipClient open(ClientConfig config) {
        return new KmipClient(config, StandardPayloads.messageCodec());
    }

    /** A client with a custom codec (for example with vendor operations registered). */
    public static KmipClient open(ClientConfig config, MessageCodec codec) {
        return new KmipClient(config, codec);
    }

    public ClientConfig config() {
        return config;
    }

    /** Sends one request message and returns its response. */
    public ResponseMessage send(RequestMessage request) {
        return pipeline(List.of(request)).getFirst();
    }

    /**
     * Writes all requests on one connection, then reads one response per request, in order.
     * A writer virtual thread sends while this thread reads, so large runs cannot deadlock on
     * full socket buffers.
     */
    public List<ResponseMessage> pipeline(List<RequestMessage> requests) {
        List<byte[]> frames = requests.stream().map(r -> TtlvEncoder.encode(codec.write(r))).toList();
        KmipConnection connection = pool.borrow();
        var writeFailure = new AtomicReference<RuntimeException>();
        Thread writer = Thread.ofVirtual().name("kmip-client-writer").start(() -> {
            try {
                frames.forEach(connection::write);
            } catch (RuntimeException e) {
                writeFailure.set(e);
                connection.close();
            }
        });
        try {
            List<ResponseMessage> responses = new ArrayList<>(requests.size());
            for (RequestMessage request : requests) {
                responses.add(check(request, readResponse(connection, writeFailure)));
            }
            writer.join();
            return responses;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connection.close();
            throw new KmipException(ResultReason.GENERAL_FAILURE, "interrupted during a KMIP exchange", e);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        } finally {
            pool.release(connection);
        }
    }

    /** Sends one payload in a one-item message and returns the typed response payload, or throws on failure. */
    public <R extends ResponsePayload> R call(RequestPayload payload, Class<R> type) {
        ResponseBatchItem item = send(RequestMessage.of(config.version(), payload)).batchItems().getFirst();
        return payloadOf(item, type);
    }

    /** The typed payload of a successful item; a failed item becomes a KmipException with its reason. */
    public static <R extends ResponsePayload> R payloadOf(ResponseBatchItem item, Class<R> type) {
        if (!item.isSuccess()) {
            throw new KmipException(item.resultReason().orElse(ResultReason.GENERAL_FAILURE),
                    "KMIP server answered " + item.resultStatus().specName() + ": " + item.resultMessage().orElse("(no message)"));
        }
        ResponsePayload payload = item.payload().orElseThrow(() ->
                new KmipException(ResultReason.INVALID_MESSAGE, "successful response without a Response Payload"));
        if (!type.isInstance(payload)) {
            throw new KmipException(ResultReason.INVALID_MESSAGE, "expected " + type.getName() + ", got " + payload.getClass().getName());
        }
        return type.cast(payload);
    }

    private ResponseMessage readResponse(KmipConnection connection, AtomicReference<RuntimeException> writeFailure) {
        try {
            Ttlv tree = connection.read();
            if (!(tree instanceof Structure root)) {
                throw new KmipException(ResultReason.INVALID_MESSAGE, "response is not a Structure");
            }
            return codec.readResponse(root);
        } catch (KmipException e) {
            RuntimeException first = writeFailure.get();
            throw first != null ? first : e;
        }
    }

    private static ResponseMessage check(RequestMessage request, ResponseMessage response) {
        int expected = request.batchItems().size();
        if (response.batchItems().size() != expected) {
            throw new KmipException(ResultReason.INVALID_MESSAGE, "sent " + expected + " batch items, got "
                    + response.batchItems().size() + " answers");
        }
        for (int i = 0; i < expected; i++) {
            var sent = request.batchItems().get(i).uniqueBatchItemId();
            var got = response.batchItems().get(i).uniqueBatchItemId();
            if (sent.isPresent() && got.isPresent() && !sent.equals(got)) {
                throw new KmipException(ResultReason.INVALID_MESSAGE, "batch item " + i + " answered out of order");
            }
        }
        return response;
    }

    /** Number of idle pooled connections (for tests and metrics). */
    public int idleConnections() {
        return pool.idleCount();
    }

    @Override
    public void close() {
        pool.close();
    }
}
