package dev.krypton.rootkey.kmip;

import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.State;
import dev.krypton.kmip.attribute.AttributeDef;
import dev.krypton.kmip.attribute.AttributeKey;
import dev.krypton.kmip.client.KmipClient;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestMessage;
import dev.krypton.kmip.message.RequestPayload;
import dev.krypton.kmip.message.ResponseBatchItem;
import dev.krypton.kmip.message.ResponsePayload;
import dev.krypton.kmip.payload.Decrypt;
import dev.krypton.kmip.payload.Encrypt;
import dev.krypton.kmip.payload.GetAttributes;
import dev.krypton.rootkey.RootKeyException;
import java.util.List;
import java.util.Optional;

/**
 * The three KMIP operations the provider uses on one key (Encrypt, Decrypt, Get Attributes), each
 * a one-item request whose failure is classified by {@link KmipErrors}. Decrypt hands back the raw
 * batch item so the caller can re-examine a General Failure.
 */
final class KmipKeyCalls implements AutoCloseable {

    private final String keyId;
    private final ProtocolVersion version;
    private final KmipClient client;

    KmipKeyCalls(String keyId, KmipConfig config) {
        this.keyId = keyId;
        this.version = config.version();
        this.client = KmipClient.open(config.clientConfig());
    }

    /** Encrypt; {@code data} is sent without another heap copy (the caller zeroes it). */
    Encrypt.Response encrypt(WrapMode mode, byte[] data, Optional<Bytes> iv, Optional<Bytes> aad) {
        Encrypt.Request request = Encrypt.Request.of(keyId, mode.parameters(), Bytes.wrap(data), iv, aad);
        return expect("encrypt", exchange("encrypt", request), Encrypt.Response.class);
    }

    /** Decrypt's batch item as answered, success or not. */
    ResponseBatchItem decrypt(WrapMode mode, Bytes data, Optional<Bytes> iv, Optional<Bytes> aad, Optional<Bytes> tag) {
        return exchange("decrypt", Decrypt.Request.of(keyId, mode.parameters(), data, iv, aad, tag));
    }

    /** The plaintext of a successful Decrypt item; a failed item is thrown classified. */
    Bytes plaintext(ResponseBatchItem item) {
        return expect("decrypt", item, Decrypt.Response.class).data()
                .orElseThrow(() -> RootKeyException.unavailable(what("decrypt") + ": success without Data"));
    }

    /** The key's State attribute (KMIP 1.4 section 3.22). */
    State state() {
        var request = new GetAttributes.Request(Optional.of(keyId), List.of(new AttributeKey.Standard(AttributeDef.STATE)));
        return expect("get-attributes", exchange("get-attributes", request), GetAttributes.Response.class)
                .attributes().state()
                .orElseThrow(() -> RootKeyException.unavailable(what("get-attributes") + ": no State in the answer"));
    }

    String what(String operation) {
        return "kmip " + operation + " " + keyId;
    }

    private ResponseBatchItem exchange(String operation, RequestPayload payload) {
        try {
            return client.send(RequestMessage.of(version, payload)).batchItems().getFirst();
        } catch (KmipException e) {
            throw KmipErrors.transport(what(operation), e);
        }
    }

    private <R extends ResponsePayload> R expect(String operation, ResponseBatchItem item, Class<R> type) {
        if (!item.isSuccess()) {
            throw KmipErrors.refused(what(operation), item);
        }
        try {
            return KmipClient.payloadOf(item, type);
        } catch (KmipException e) {
            throw RootKeyException.unavailable(what(operation) + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
