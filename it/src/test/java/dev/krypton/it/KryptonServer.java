package dev.krypton.it;

import dev.krypton.crypto.CryptoEngines;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.engine.Engine;
import dev.krypton.engine.RootKeyRef;
import dev.krypton.engine.TenantCommand;
import dev.krypton.engine.TenantId;
import dev.krypton.engine.audit.AuditEvent;
import dev.krypton.engine.audit.AuditSink;
import dev.krypton.engine.policy.Policy;
import dev.krypton.kmip.server.IdentityRule;
import dev.krypton.kmip.server.KmipServer;
import dev.krypton.kmip.server.ServerConfig;
import dev.krypton.kmip.server.TlsConfig;
import dev.krypton.rootkey.tck.FakeRootKeyProvider;
import dev.krypton.rootkey.tck.FakeRootKeys;
import dev.krypton.storage.tck.MemoryStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The Krypton KMIP server in-process on a free port: the real engine over the in-memory storage
 * fake and the fake root-key provider, the real mutual-TLS listener with the {@link TestPki}
 * certificates. Tenants {@code acme} and {@code globex} are linked; a client whose certificate CN
 * is a tenant's name owns that tenant (the engine's upstream rule).
 */
public final class KryptonServer implements AutoCloseable {
    private final SecureMemory memory;
    private final Engine engine;
    private final KmipServer server;

    private KryptonServer(SecureMemory memory, Engine engine, KmipServer server) {
        this.memory = memory;
        this.engine = engine;
        this.server = server;
    }

    /** A server whose audit events are discarded. */
    public static KryptonServer start(TestPki pki) throws IOException, GeneralSecurityException {
        return start(pki, new AuditSink() {
            @Override
            public void record(AuditEvent event) {
            }

            @Override
            public void recordDurably(AuditEvent event) {
            }
        });
    }

    /** A server that sends its audit events to {@code audit} (for load runs: the real file-backed log). */
    public static KryptonServer start(TestPki pki, AuditSink audit) throws IOException, GeneralSecurityException {
        var kms = new FakeRootKeys();
        kms.create("root-acme");
        kms.create("root-globex");
        SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults());
        Policy policy = new Policy(true, List.of());
        Engine engine = Engine.builder().storage(new MemoryStorage()).memory(memory).crypto(CryptoEngines.select())
                .rootKeyProviders(List.of(new FakeRootKeyProvider(kms))).policy(() -> policy).audit(audit)
                .manualHealthChecks().build();
        engine.start();
        for (String tenant : List.of("acme", "globex")) {
            engine.commands().execute(new TenantCommand.Link(TenantId.of(tenant), RootKeyRef.of(FakeRootKeyProvider.NAME, "root-" + tenant)));
        }
        KeyStore identity = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pki.dir().resolve("server.p12"))) {
            identity.load(in, TestPki.PASSWORD);
        }
        X509Certificate ca;
        try (InputStream in = Files.newInputStream(pki.caCert())) {
            ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        TlsConfig tls = TlsConfig.of(identity, TestPki.PASSWORD, List.of(ca)).withPyKmipCompatibleSuite(true);
        KmipServer server = KmipServer.start(ServerConfig.of("127.0.0.1", 0, tls, new IdentityRule.SubjectCn()), engine.operations());
        return new KryptonServer(memory, engine, server);
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        engine.close();
        memory.close();
    }
}
