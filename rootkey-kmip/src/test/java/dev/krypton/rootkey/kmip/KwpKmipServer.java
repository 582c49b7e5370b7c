package dev.krypton.rootkey.kmip;

import dev.krypton.kmip.BlockCipherMode;
import dev.krypton.kmip.DecodeLimits;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.State;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.TtlvEncoder;
import dev.krypton.kmip.TtlvFrames;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.attribute.CryptographicParameters;
import dev.krypton.kmip.client.TlsSettings;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.message.MessageCodec;
import dev.krypton.kmip.message.RequestBatchItem;
import dev.krypton.kmip.message.RequestMessage;
import dev.krypton.kmip.message.ResponseBatchItem;
import dev.krypton.kmip.message.ResponseHeader;
import dev.krypton.kmip.message.ResponseMessage;
import dev.krypton.kmip.payload.Decrypt;
import dev.krypton.kmip.payload.Encrypt;
import dev.krypton.kmip.payload.GetAttributes;
import dev.krypton.kmip.payload.StandardPayloads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A small KMIP server in the test sources, over real mutual TLS, for what PyKMIP cannot do: AES
 * key wrap with padding (Block Cipher Mode AESKeyWrapPadding, RFC 5649, via the JDK's
 * {@code AES/KWP/NoPadding}) and a server in trouble that answers every request with General
 * Failure. It speaks Encrypt, Decrypt and Get Attributes (State) only, and refuses GCM as a
 * server without AEAD would. NOT a real KMIP server.
 */
final class KwpKmipServer implements AutoCloseable {

    record Key(byte[] material, State state) {
    }

    final Map<String, Key> keys = new ConcurrentHashMap<>();
    volatile boolean sick;
    private final SSLServerSocket server;
    private final MessageCodec codec = StandardPayloads.messageCodec();

    KwpKmipServer(TestPki pki) throws IOException {
        server = (SSLServerSocket) TlsSettings.fromPem(pki.cert("server"), pki.key("server"), pki.caCert()).context()
                .getServerSocketFactory().createServerSocket(0);
        server.setNeedClientAuth(true);
        Thread.ofVirtual().name("kwp-kmip-accept").start(() -> {
            while (!server.isClosed()) {
                try {
                    SSLSocket s = (SSLSocket) server.accept();
                    Thread.ofVirtual().name("kwp-kmip-conn").start(() -> serve(s));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    String create(State state) {
        byte[] material = new byte[32];
        new SecureRandom().nextBytes(material);
        String id = Integer.toString(keys.size() + 1);
        keys.put(id, new Key(material, state));
        return id;
    }

    void setState(String id, State state) {
        keys.computeIfPresent(id, (k, key) -> new Key(key.material(), state));
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve(SSLSocket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (true) {
                Optional<Ttlv> tree = TtlvFrames.readMessage(in, DecodeLimits.DEFAULT);
                if (tree.isEmpty()) {
                    return;
                }
                RequestMessage request = codec.readRequest((Ttlv.Structure) tree.get());
                var items = request.batchItems().stream().map(this::answer).toList();
                out.write(TtlvEncoder.encode(codec.write(new ResponseMessage(ResponseHeader.of(request.version(), Instant.now()), items))));
                out.flush();
            }
        } catch (IOException | RuntimeException closed) {
            // the client went away or sent garbage: drop the connection
        }
    }

    private ResponseBatchItem answer(RequestBatchItem item) {
        if (sick) {
            return ResponseBatchItem.failure(item, ResultReason.GENERAL_FAILURE, "server in trouble");
        }
        return switch (item.payload()) {
            case GetAttributes.Request r -> find(r.uniqueIdentifier()).map(k -> ResponseBatchItem.success(item,
                    new GetAttributes.Response(r.uniqueIdentifier().orElseThrow(), Attributes.of(Attribute.state(k.state())))))
                    .orElseGet(() -> ResponseBatchItem.failure(item, ResultReason.ITEM_NOT_FOUND, "no such key"));
            case Encrypt.Request r -> crypt(item, r.uniqueIdentifier(), r.parameters(), r.data(), Cipher.ENCRYPT_MODE);
            case Decrypt.Request r -> crypt(item, r.uniqueIdentifier(), r.parameters(), r.data(), Cipher.DECRYPT_MODE);
            default -> ResponseBatchItem.failure(item, ResultReason.OPERATION_NOT_SUPPORTED, "not in this test server");
        };
    }

    private ResponseBatchItem crypt(RequestBatchItem item, Optional<String> id, Optional<CryptographicParameters> parameters,
                                    Optional<Bytes> data, int direction) {
        Optional<Key> key = find(id);
        if (key.isEmpty()) {
            return ResponseBatchItem.failure(item, ResultReason.ITEM_NOT_FOUND, "no such key");
        }
        if (key.get().state() != State.ACTIVE) {
            return ResponseBatchItem.failure(item, ResultReason.WRONG_KEY_LIFECYCLE_STATE, "key is not Active");
        }
        if (parameters.flatMap(CryptographicParameters::blockCipherMode).orElse(BlockCipherMode.ECB) != BlockCipherMode.AESKEYWRAPPADDING) {
            return ResponseBatchItem.failure(item, ResultReason.INVALID_FIELD, "only AESKeyWrapPadding is supported");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/KWP/NoPadding");
            cipher.init(direction, new SecretKeySpec(key.get().material(), "AES"));
            Bytes out = Bytes.wrap(cipher.doFinal(data.orElse(Bytes.empty()).unsafeArray()));
            return ResponseBatchItem.success(item, direction == Cipher.ENCRYPT_MODE
                    ? new Encrypt.Response(id.orElseThrow(), Optional.of(out), Optional.empty(), Optional.empty(), Optional.empty())
                    : new Decrypt.Response(id.orElseThrow(), Optional.of(out), Optional.empty()));
        } catch (GeneralSecurityException e) {
            return ResponseBatchItem.failure(item, ResultReason.CRYPTOGRAPHIC_FAILURE, "unwrap integrity check failed");
        }
    }

    private Optional<Key> find(Optional<String> id) {
        return id.map(keys::get);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
