package dev.krypton.kmip.server;

import dev.krypton.crypto.CryptoEngines;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.engine.Engine;
import dev.krypton.engine.Operation;
import dev.krypton.engine.RootKeyRef;
import dev.krypton.engine.TenantCommand;
import dev.krypton.engine.TenantId;
import dev.krypton.engine.audit.AuditEvent;
import dev.krypton.engine.audit.AuditSink;
import dev.krypton.engine.policy.Grant;
import dev.krypton.engine.policy.Policy;
import dev.krypton.kmip.client.ClientConfig;
import dev.krypton.kmip.client.KmipClient;
import dev.krypton.kmip.client.KmipOperations;
import dev.krypton.kmip.client.TlsSettings;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.rootkey.tck.FakeRootKeyProvider;
import dev.krypton.rootkey.tck.FakeRootKeys;
import dev.krypton.storage.tck.MemoryStorage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLSocket;

/**
 * A KMIP server started in-process on a free port, over a real engine wired to the in-memory
 * storage fake and the fake root-key provider, with a generated PKI. Tenants {@code acme} and
 * {@code globex} are linked; principals are named by certificate CN: {@code acme} and
 * {@code globex} own their tenant (upstream rule), {@code ops} may do everything in both.
 */
final class ServerFixture implements AutoCloseable {

    static final TenantId ACME = TenantId.of("acme");
    static final TenantId GLOBEX = TenantId.of("globex");

    final TestPki pki = new TestPki("krypton-test-ca");
    final FakeRootKeys kms = new FakeRootKeys();
    final MemoryStorage storage = new MemoryStorage();
    final SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults());
    /** Audit events seen (counted only, so long load runs do not hold millions of events). */
    final LongAdder auditEvents = new LongAdder();
    /** The denials audited (kept, unlike the other events: tests provoke few). */
    final List<AuditEvent> denials = java.util.Collections.synchronizedList(new ArrayList<>());
    final Engine engine;
    /** A certificate for principal acme that the CRL given to the server revokes. */
    final TestPki.Issued revokedAcme = pki.client("acme");
    final KmipServer server;
    final Policy policy;
    private final TlsConfig tls;
    private final List<KmipClient> clients = new ArrayList<>();

    ServerFixture() {
        this(c -> c);
    }

    ServerFixture(UnaryOperator<ServerConfig> customize) {
        this(customize, CryptoEngines.select());
    }

    /** A server whose engine computes with {@code crypto} (for example a counting wrapper of a real engine). */
    ServerFixture(UnaryOperator<ServerConfig> customize, dev.krypton.crypto.CryptoEngine crypto) {
        pki.revoke(revokedAcme);
        kms.create("root-acme");
        kms.create("root-globex");
        policy = new Policy(true, List.of(new Grant("ops", Set.of(ACME, GLOBEX), false, EnumSet.allOf(Operation.class))));
        AuditSink sink = new AuditSink() {
            @Override
            public void record(AuditEvent event) {
                auditEvents.increment();
                if (event.kind() == dev.krypton.engine.audit.AuditKind.DENIAL) {
                    denials.add(event);
                }
            }

            @Override
            public void recordDurably(AuditEvent event) {
                auditEvents.increment();
            }
        };
        engine = Engine.builder().storage(storage).memory(memory).crypto(crypto)
                .rootKeyProviders(List.of(new FakeRootKeyProvider(kms))).policy(() -> policy).audit(sink)
                .manualHealthChecks().build();
        engine.start();
        engine.commands().execute(new TenantCommand.Link(ACME, RootKeyRef.of(FakeRootKeyProvider.NAME, "root-acme")));
        engine.commands().execute(new TenantCommand.Link(GLOBEX, RootKeyRef.of(FakeRootKeyProvider.NAME, "root-globex")));
        tls = TlsConfig.of(TestPki.identity(pki.server()), TestPki.PASSWORD, List.of(pki.ca()))
                .withCrls(List.of(pki.crl()));
        server = KmipServer.start(customize.apply(ServerConfig.of("127.0.0.1", 0, tls, new IdentityRule.SubjectCn())),
                engine.operations());
    }

    /** Another KMIP server with the same TLS settings, serving {@code other} (a second node). */
    KmipServer serve(Engine other) {
        return serve(other, Clock.systemUTC());
    }

    /** As {@link #serve(Engine)}, dating KMIP edits and time stamps by {@code clock}. */
    KmipServer serve(Engine other, Clock clock) {
        return KmipServer.start(ServerConfig.of("127.0.0.1", 0, tls, new IdentityRule.SubjectCn()), other.operations(),
                clock);
    }

    /** A KMIP client (KMIP 1.4) for {@code principal} connected to the server on {@code port}. */
    KmipOperations client(String principal, int port) {
        TlsSettings settings = TlsSettings.fromKeyStores(TestPki.identity(pki.client(principal)), TestPki.PASSWORD,
                TestPki.trust(pki.ca()));
        KmipClient client = KmipClient.open(ClientConfig.of("localhost", port, settings).withVersion(ProtocolVersion.V1_4));
        synchronized (clients) {
            clients.add(client);
        }
        return new KmipOperations(client);
    }

    /** A KMIP client (KMIP 1.4) presenting a fresh certificate for {@code principal}. */
    KmipOperations client(String principal) {
        return client(pki.client(principal), ProtocolVersion.V1_4);
    }

    KmipOperations client(TestPki.Issued certificate, ProtocolVersion version) {
        return client(certificate, version, server.port());
    }

    /** A KMIP client presenting {@code certificate}, speaking {@code version} to the server on {@code port}. */
    KmipOperations client(TestPki.Issued certificate, ProtocolVersion version, int port) {
        TlsSettings tls = TlsSettings.fromKeyStores(TestPki.identity(certificate), TestPki.PASSWORD, TestPki.trust(pki.ca()));
        KmipClient client = KmipClient.open(ClientConfig.of("localhost", port, tls).withVersion(version));
        synchronized (clients) {
            clients.add(client);
        }
        return new KmipOperations(client);
    }

    /** A raw TLS connection presenting {@code certificate} (or none). */
    SSLSocket rawSocket(Optional<TestPki.Issued> certificate) throws java.io.IOException {
        SSLSocket socket = (SSLSocket) TestPki.clientContext(certificate, pki.ca()).getSocketFactory()
                .createSocket("127.0.0.1", server.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    @Override
    public void close() {
        synchronized (clients) {
            clients.forEach(KmipClient::close);
        }
        server.close();
        engine.close();
        memory.close();
    }
}
