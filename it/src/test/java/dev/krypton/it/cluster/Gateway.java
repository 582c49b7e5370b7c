package dev.krypton.it.cluster;

import dev.krypton.it.TestPki;
import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.attribute.CryptographicParameters;
import dev.krypton.kmip.client.ClientConfig;
import dev.krypton.kmip.client.KmipClient;
import dev.krypton.kmip.client.KmipOperations;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.payload.Encrypt;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * A gateway's KMIP connection to one node (mutual TLS as {@link Cluster#GATEWAY}): creates a
 * tenant's KEK, wraps DEKs with AES-256-GCM and unwraps them. One pooled connection, so a loop of
 * unwraps runs on one TLS session.
 */
public final class Gateway implements AutoCloseable {

    /** A DEK and its wrapped form. */
    public record WrappedDek(byte[] dek, Encrypt.Response wrapped) {}

    private static final CryptographicParameters GCM = CryptographicParameters.aesGcm(16);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** KMIP Cryptographic Usage Mask bits. */
    private static final int ENCRYPT = 0x4;
    private static final int DECRYPT = 0x8;

    private final KmipClient client;
    private final KmipOperations kmip;

    public Gateway(TestPki pki, int port) {
        client = KmipClient.open(ClientConfig.of("127.0.0.1", port, pki.clientTls(Cluster.GATEWAY))
                .withMaxConnections(1).withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10)));
        kmip = new KmipOperations(client);
    }

    /** Creates an L3 KEK named {@code name} for {@code tenant}; returns its unique identifier. */
    public String createKek(String tenant, String name) {
        return kmip.create(ObjectType.SYMMETRIC_KEY, Attributes.of(Attribute.name(name), Attribute.objectGroup("kek"),
                Attribute.objectGroup(tenant), Attribute.cryptographicAlgorithm(CryptographicAlgorithm.AES),
                Attribute.cryptographicLength(256))).uniqueIdentifier();
    }

    /**
     * Creates a tenant AES-256 key (not an L3 KEK: kept wrapped in storage and read from it on every
     * use) for Encrypt and Decrypt; returns its unique identifier.
     */
    public String createTenantKey(String tenant, String name) {
        String uid = kmip.create(ObjectType.SYMMETRIC_KEY, Attributes.of(Attribute.name(name), Attribute.objectGroup(tenant),
                Attribute.cryptographicAlgorithm(CryptographicAlgorithm.AES), Attribute.cryptographicLength(256),
                Attribute.cryptographicUsageMask(ENCRYPT | DECRYPT))).uniqueIdentifier();
        try {
            kmip.activate(uid);
        } catch (dev.krypton.kmip.KmipException alreadyActive) {
            // a key the server activated at creation; Encrypt below tells if it is not usable
        }
        return uid;
    }

    /** Wraps a fresh random 256-bit DEK under {@code kek}. */
    public WrappedDek wrapNewDek(String kek) {
        byte[] dek = new byte[32];
        RANDOM.nextBytes(dek);
        return new WrappedDek(dek, kmip.encrypt(kek, GCM, Bytes.of(dek), Optional.empty(), Optional.empty()));
    }

    /** Unwraps; throws {@link dev.krypton.kmip.KmipException} when the node refuses. */
    public byte[] unwrap(WrappedDek w) {
        Encrypt.Response r = w.wrapped();
        return kmip.decrypt(r.uniqueIdentifier(), GCM, r.data().orElseThrow(), r.ivCounterNonce(), Optional.empty(), r.tag())
                .toByteArray();
    }

    /** Unwraps and checks the DEK came back unchanged. */
    public boolean unwrapsCorrectly(WrappedDek w) {
        return Arrays.equals(unwrap(w), w.dek());
    }

    @Override
    public void close() {
        client.close();
    }
}
