package dev.krypton.app.node;

import dev.krypton.app.AppException;
import dev.krypton.engine.ClusterOptions;
import dev.krypton.engine.policy.PolicyParser;
import dev.krypton.kmip.server.IdentityRule;
import dev.krypton.kmip.server.ServerConfig;
import dev.krypton.kmip.server.TlsConfig;
import dev.krypton.orbital.amqp.AmqpConfig;
import dev.krypton.orbital.grpc.GrpcConfig;
import dev.krypton.storage.StorageConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node of {@code krypton dev}: SQLite in the data folder, the {@code local} root-key provider
 * with key files in {@code root-keys/}, the development PKI in {@code pki/}, a policy that lets
 * the development gateway act on every tenant (and each tenant-named certificate on its own tenant).
 */
public record DevNode(Node node, DevPki pki, Path dataDir) implements AutoCloseable {

    /** The development policy: the upstream rule (CN equals tenant) plus the dev gateway on every tenant. */
    static final String DEV_POLICY = """
            upstream: true
            grants:
              - principal: %s
                tenants: ["*"]
                operations: ["*"]
            """.formatted(DevPki.GATEWAY);

    /** Creates what is missing in the data folder and starts the node. */
    public static DevNode start(DevSettings s) {
        Path dir = s.dataDir().toAbsolutePath();
        try {
            Files.createDirectories(dir.resolve("root-keys"));
        } catch (IOException e) {
            throw AppException.failure("cannot create the data folder " + dir + ": " + e.getMessage(), e);
        }
        DevPki pki = DevPki.init(dir.resolve("pki"));
        GrpcConfig grpc = new GrpcConfig(s.host(), s.grpcPort(), pki.cert(DevPki.SERVER), pki.key(DevPki.SERVER),
                pki.ca(), Set.of(DevPki.ORBITAL));
        NodePlan plan = NodePlan.builder()
                .storage(new StorageConfig("sqlite", Map.of("path", dir.resolve("krypton.db").toString())))
                .rootKeys(List.of(new DevRootKeys(dir.resolve("root-keys"))))
                .policy(PolicyParser.parse(DEV_POLICY))
                .audit(dir.resolve("audit.log"), dir.resolve("audit"))
                .kmip(kmip(s, pki))
                .kmipHttps(s.kmipHttpsPort().stream().mapToObj(p -> new NodePlan.Listen(s.host(), p)).findFirst())
                .grpc(grpc)
                .amqp(s.amqp().map(url -> new AmqpConfig(url.host(), url.port(),
                        new AmqpConfig.Auth.Plain(url.user(), url.password(), new AmqpConfig.Tls.Off()),
                        "/queue/" + s.amqpQueues() + "-tasks", "/queue/" + s.amqpQueues() + "-critical-tasks",
                        "/queue/" + s.amqpQueues() + "-responses",
                        16, 4, Duration.ofSeconds(1)).withCriticalResponseAddress("/queue/" + s.amqpQueues() + "-critical-responses")))
                .admin(s.host(), s.adminPort())
                .disableCoreDumps(true)
                .cluster(ClusterOptions.of(NodeIdentity.resolve("", dir)))
                .build();
        return new DevNode(Node.start(plan), pki, dir);
    }

    private static ServerConfig kmip(DevSettings s, DevPki pki) {
        TlsConfig tls = TlsConfig.of(PemIdentity.keyStore(pki.cert(DevPki.SERVER), pki.key(DevPki.SERVER)),
                PemIdentity.PASSWORD, PemIdentity.certificates(pki.ca()));
        return ServerConfig.of(s.host(), s.kmipPort(), tls, new IdentityRule.SubjectCn());
    }

    @Override
    public void close() {
        node.close();
    }
}
