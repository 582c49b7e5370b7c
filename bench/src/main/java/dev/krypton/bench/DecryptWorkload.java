package dev.krypton.bench;

import dev.krypton.kmip.BlockCipherMode;
import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.CryptographicUsageMask;
import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.PaddingMethod;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.attribute.CryptographicParameters;
import dev.krypton.kmip.client.KmipClient;
import dev.krypton.kmip.client.KmipOperations;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestMessage;
import dev.krypton.kmip.message.ResponseBatchItem;
import dev.krypton.kmip.message.ResponseMessage;
import dev.krypton.kmip.payload.Decrypt;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.Optional;

/**
 * Decrypt of one 32-byte data key, the gateway's hot path: a fresh AES-256 key is created and
 * activated, the DEK is wrapped once by the server's Encrypt, and every request message then
 * carries {@code batch} Decrypt items of that ciphertext. Every answer is checked: each item must
 * succeed and return the original 32 bytes.
 */
public sealed interface DecryptWorkload {
    /** The wrapped DEK and how to unwrap it. */
    record Prepared(String keyId, CryptographicParameters parameters, Bytes ciphertext, Optional<Bytes> iv,
                    Optional<Bytes> tag, Bytes plaintext) {
    }

    /** AES-GCM with the KMIP 1.4 AEAD fields, IV chosen by the server, 16-byte tag. */
    record Gcm() implements DecryptWorkload {
    }

    /** AES-CBC with PKCS#5 padding and a client IV: the workload PyKMIP can also serve. */
    record Cbc() implements DecryptWorkload {
    }

    static DecryptWorkload named(String workload) {
        return switch (workload) {
            case "gcm-decrypt" -> new Gcm();
            case "cbc-decrypt" -> new Cbc();
            default -> throw new BenchException("not a Decrypt workload: " + workload);
        };
    }

    /** Creates and activates the key and wraps a random DEK. */
    default Prepared prepare(KmipClient client) {
        var ops = new KmipOperations(client);
        String id = ops.create(ObjectType.SYMMETRIC_KEY, Attributes.of(
                Attribute.cryptographicAlgorithm(CryptographicAlgorithm.AES), Attribute.cryptographicLength(256),
                Attribute.cryptographicUsageMask(CryptographicUsageMask.ENCRYPT.value() | CryptographicUsageMask.DECRYPT.value()),
                Attribute.name("krypton-bench-" + System.nanoTime()))).uniqueIdentifier();
        ops.activate(id);
        var random = new SecureRandom();
        byte[] dek = new byte[32];
        random.nextBytes(dek);
        Bytes plaintext = Bytes.of(dek);
        return switch (this) {
            case Gcm g -> {
                var params = CryptographicParameters.aesGcm(16);
                var sealed = ops.encrypt(id, params, plaintext, Optional.empty(), Optional.empty());
                yield new Prepared(id, params, sealed.data().orElseThrow(() -> new BenchException("Encrypt returned no data")),
                        Optional.of(sealed.ivCounterNonce().orElseThrow(() -> new BenchException("GCM Encrypt returned no IV"))),
                        Optional.of(sealed.tag().orElseThrow(() -> new BenchException("GCM Encrypt returned no tag"))), plaintext);
            }
            case Cbc c -> {
                var params = CryptographicParameters.of(CryptographicAlgorithm.AES, BlockCipherMode.CBC, PaddingMethod.PKCS5);
                byte[] iv = new byte[16];
                random.nextBytes(iv);
                var sealed = ops.encrypt(id, params, plaintext, Optional.of(Bytes.of(iv)), Optional.empty());
                yield new Prepared(id, params, sealed.data().orElseThrow(() -> new BenchException("Encrypt returned no data")),
                        Optional.of(Bytes.of(iv)), Optional.empty(), plaintext);
            }
        };
    }

    /** One request message of {@code batch} Decrypt items. */
    static RequestMessage request(Prepared p, ProtocolVersion version, int batch) {
        var item = Decrypt.Request.of(p.keyId(), p.parameters(), p.ciphertext(), p.iv(), Optional.empty(), p.tag());
        return RequestMessage.batch(version, Collections.nCopies(batch, item));
    }

    /** Throws unless every item succeeded and returned the DEK. */
    static void verify(Prepared p, ResponseMessage response) {
        for (ResponseBatchItem item : response.batchItems()) {
            Bytes data = KmipClient.payloadOf(item, Decrypt.Response.class).data()
                    .orElseThrow(() -> new BenchException("Decrypt returned no data"));
            if (!data.equals(p.plaintext())) {
                throw new BenchException("Decrypt returned the wrong plaintext");
            }
        }
    }
}
