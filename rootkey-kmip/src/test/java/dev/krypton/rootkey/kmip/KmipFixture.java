package dev.krypton.rootkey.kmip;

import dev.krypton.kmip.CryptographicAlgorithm;
import dev.krypton.kmip.CryptographicUsageMask;
import dev.krypton.kmip.ObjectType;
import dev.krypton.kmip.RevocationReasonCode;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.Attributes;
import dev.krypton.kmip.client.ClientConfig;
import dev.krypton.kmip.client.KmipClient;
import dev.krypton.kmip.client.KmipOperations;
import dev.krypton.kmip.client.TlsSettings;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.testsupport.PyKmipServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One PyKMIP server for a test class, a test PKI and an administrator's KMIP client that creates,
 * activates, revokes and destroys root keys the way a customer's key custodian would.
 */
final class KmipFixture implements AutoCloseable {

    static final String PYKMIP_SUITE = "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256";

    private final TestPki pki;
    private final PyKmipServer server;
    private final KmipClient admin;
    private final KmipOperations ops;

    private KmipFixture(TestPki pki, PyKmipServer server, KmipClient admin) {
        this.pki = pki;
        this.server = server;
        this.admin = admin;
        this.ops = new KmipOperations(admin);
    }

    static KmipFixture start(Path dir) throws IOException, InterruptedException {
        TestPki pki = TestPki.create(dir);
        PyKmipServer server = PyKmipServer.start(pki.cert("server"), pki.key("server"), pki.caCert(), dir);
        try {
            TlsSettings tls = TlsSettings.fromPem(pki.cert("client"), pki.key("client"), pki.caCert())
                    .withProtocols(List.of("TLSv1.2")).withCipherSuites(List.of(PYKMIP_SUITE));
            return new KmipFixture(pki, server, KmipClient.open(ClientConfig.of("127.0.0.1", server.port(), tls)
                    .withVersion(ProtocolVersion.V1_4)));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    TestPki pki() {
        return pki;
    }

    /** A new AES-256 key for Encrypt and Decrypt; activated when {@code active}, else left Pre-Active. */
    String createKey(boolean active) {
        String id = ops.create(ObjectType.SYMMETRIC_KEY, Attributes.of(
                Attribute.cryptographicAlgorithm(CryptographicAlgorithm.AES), Attribute.cryptographicLength(256),
                Attribute.cryptographicUsageMask(CryptographicUsageMask.ENCRYPT.value() | CryptographicUsageMask.DECRYPT.value())))
                .uniqueIdentifier();
        if (active) {
            ops.activate(id);
        }
        return id;
    }

    /** Revoke with Cessation of Operation: the key becomes Deactivated. */
    void revoke(String id) {
        ops.revoke(id, RevocationReasonCode.CESSATION_OF_OPERATION);
    }

    /** Revoke, then Destroy: the key is gone (Item Not Found). */
    void destroy(String id) {
        revoke(id);
        ops.destroy(id);
    }

    /** Access metadata reaching this server as the test client over TLS 1.2 with PyKMIP's suite. */
    Map<String, String> access() {
        Map<String, String> access = new HashMap<>();
        access.put("host", "127.0.0.1");
        access.put("port", Integer.toString(server.port()));
        access.put("client-cert", pki.cert("client").toString());
        access.put("client-key", pki.key("client").toString());
        access.put("ca-file", pki.caCert().toString());
        access.put("tls-protocols", "TLSv1.2");
        access.put("cipher-suites", PYKMIP_SUITE);
        return access;
    }

    RootKeyRef ref(String id, Map<String, String> changes) {
        Map<String, String> access = access();
        access.putAll(changes);
        return RootKeyRef.of(KmipRootKeyProvider.NAME, id, access);
    }

    /** A line of the client's private key, which must never show up in any message. */
    String clientKeySecret() throws IOException {
        return Files.readAllLines(pki.key("client")).get(1);
    }

    @Override
    public void close() throws InterruptedException {
        try {
            admin.close();
        } finally {
            server.close();
        }
    }
}
