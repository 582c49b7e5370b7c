package dev.krypton.app.config;

import dev.krypton.app.AppException;
import dev.krypton.app.node.DevPki;
import dev.krypton.app.node.DevRootKeys;
import dev.krypton.app.node.NodeIdentity;
import dev.krypton.app.node.NodePlan;
import dev.krypton.app.node.PemIdentity;
import dev.krypton.kmip.server.IdentityRule;
import dev.krypton.kmip.server.KmipServerException;
import dev.krypton.kmip.server.ServerConfig;
import dev.krypton.kmip.server.operation.MultiPartLimits;
import dev.krypton.kmip.server.ServerLimits;
import dev.krypton.kmip.server.TlsConfig;
import dev.krypton.engine.ClusterOptions;
import dev.krypton.engine.EngineException;
import dev.krypton.engine.StartupOptions;
import dev.krypton.engine.policy.Policy;
import dev.krypton.engine.policy.PolicyParser;
import dev.krypton.orbital.OrbitalException;
import dev.krypton.orbital.amqp.AmqpConfig;
import dev.krypton.orbital.grpc.GrpcConfig;
import dev.krypton.rootkey.RootKeyProvider;
import dev.krypton.rootkey.RootKeyProviders;
import dev.krypton.storage.StorageConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Production mode: turns validated configuration into a {@link NodePlan}. Refuses the {@code local}
 * root-key provider unless {@code root-keys.allow-local}, and certificates of the development CA
 * unless {@code tls.allow-development-certificates}.
 */
public final class ServePlan {

    private ServePlan() {
    }

    public static NodePlan from(ConfigValues c) {
        for (String key : List.of("policy.file", "tls.certificate", "tls.private-key", "tls.client-ca")) {
            if (!Files.isReadable(c.path(key))) {
                throw AppException.usage(key + ": the file " + c.path(key) + " does not exist or is not readable");
            }
        }
        if (!c.bool("tls.allow-development-certificates")) {
            for (String key : List.of("tls.certificate", "tls.client-ca")) {
                if (issuedByDevelopmentCa(c.path(key))) {
                    throw AppException.usage(key + ": " + c.path(key) + " comes from the development CA of krypton dev;"
                            + " production refuses it (set tls.allow-development-certificates: true to override)");
                }
            }
        }
        List<RootKeyProvider> providers = new ArrayList<>(RootKeyProviders.available(ServePlan.class.getClassLoader())
                .stream().filter(p -> !p.name().equals("local")).toList());
        if (c.bool("root-keys.allow-local")) {
            providers.add(new DevRootKeys(c.path("root-keys.local-folder")));
        }
        try {
            GrpcConfig grpc = new GrpcConfig(c.string("orbital.grpc.host"), c.integer("orbital.grpc.port"),
                    c.path("tls.certificate"), c.path("tls.private-key"), c.path("tls.client-ca"),
                    new HashSet<>(c.list("orbital.grpc.allowed-principals")));
            Optional<AmqpConfig> amqp = c.bool("orbital.amqp.enabled")
                    ? Optional.of(new AmqpConfig(c.string("orbital.amqp.host"), c.integer("orbital.amqp.port"),
                            new AmqpConfig.Auth.Plain(c.string("orbital.amqp.user"), c.string("orbital.amqp.password"),
                                    new AmqpConfig.Tls.Off()),
                            c.string("orbital.amqp.task-address"), c.string("orbital.amqp.critical-address"),
                            c.string("orbital.amqp.response-address"), 16, 4, Duration.ofSeconds(1),
                            c.duration("orbital.amqp.idle-timeout")))
                    : Optional.empty();
            String criticalResponses = c.string("orbital.amqp.critical-response-address");
            if (!criticalResponses.isEmpty()) {
                amqp = amqp.map(a -> a.withCriticalResponseAddress(criticalResponses));
            }
            return NodePlan.builder()
                    .storage(storage(c))
                    .rootKeys(providers)
                    .policy(policy(c.path("policy.file")))
                    .region(c.string("node.region"))
                    .audit(c.path("audit.file"), c.path("audit.key-folder"))
                    .kmip(kmip(c))
                    .kmipHttps(c.bool("kmip.https.enabled")
                            ? Optional.of(new NodePlan.Listen(c.string("kmip.https.host"), c.integer("kmip.https.port")))
                            : Optional.empty())
                    .grpc(grpc)
                    .amqp(amqp)
                    .admin(c.string("admin.host"), c.integer("admin.port"))
                    .disableCoreDumps(c.bool("node.disable-core-dumps"))
                    .cluster(cluster(c))
                    .startup(startup(c))
                    .build();
        } catch (OrbitalException e) {
            throw AppException.usage("orbital: " + e.getMessage());
        }
    }

    /** The {@code storage} section: backend and settings, with {@code storage.password} among them when set. */
    public static StorageConfig storage(ConfigValues c) {
        Map<String, String> storage = new HashMap<>(c.map("storage.settings"));
        if (!c.string("storage.password").isEmpty()) {
            storage.put("password", c.string("storage.password"));
        }
        return new StorageConfig(c.string("storage.backend"), storage);
    }

    private static ClusterOptions cluster(ConfigValues c) {
        Path stateFolder = c.path("audit.file").toAbsolutePath().getParent();
        try {
            return new ClusterOptions(NodeIdentity.resolve(c.string("cluster.node-id"), stateFolder),
                    c.duration("cluster.poll-interval"), c.duration("cluster.revocation-staleness"), c.duration("cluster.propagation-timeout"));
        } catch (EngineException e) {
            throw AppException.usage("cluster: " + e.getMessage());
        }
    }

    private static StartupOptions startup(ConfigValues c) {
        Map<String, Double> rates = new HashMap<>();
        c.map("startup.unseal-rate-limits").forEach((provider, value) -> {
            try {
                rates.put(provider, Double.parseDouble(value));
            } catch (NumberFormatException e) {
                throw AppException.usage("startup.unseal-rate-limits: '" + provider + "' must be a number of calls per"
                        + " second, not '" + value + "'");
            }
        });
        try {
            return StartupOptions.defaults().withParallelism(c.integer("startup.unseal-parallelism")).withRateLimits(rates);
        } catch (EngineException e) {
            throw AppException.usage("startup: " + e.getMessage());
        }
    }

    private static ServerConfig kmip(ConfigValues c) {
        TlsConfig tls = TlsConfig.of(PemIdentity.keyStore(c.path("tls.certificate"), c.path("tls.private-key")),
                PemIdentity.PASSWORD, PemIdentity.certificates(c.path("tls.client-ca")))
                .withPyKmipCompatibleSuite(c.bool("kmip.pykmip-compatible"));
        IdentityRule identity = switch (c.string("kmip.identity")) {
            case "san-uri" -> new IdentityRule.SanUri(c.string("kmip.san-uri-prefix"));
            case "san-dns" -> new IdentityRule.SanDns();
            case "subject-cn" -> new IdentityRule.SubjectCn();
            default -> throw AppException.usage("kmip.identity must be subject-cn, san-uri or san-dns");
        };
        int open = c.integer("kmip.multi-part.max-open");
        int perTenant = c.integer("kmip.multi-part.max-open-per-tenant");
        if (perTenant > open) {
            throw AppException.usage("kmip.multi-part.max-open-per-tenant (" + perTenant + ") must not exceed kmip.multi-part.max-open ("
                    + open + ")");
        }
        try {
            ServerLimits limits = ServerLimits.defaults().withMaxConnections(c.integer("kmip.max-connections"))
                    .withUnauthenticated(c.integer("kmip.max-unauthenticated"), c.integer("kmip.max-unauthenticated-per-address"))
                    .withTimeouts(c.duration("kmip.handshake-timeout"), c.duration("kmip.request-timeout"),
                            c.duration("kmip.idle-timeout"))
                    .withMultiPart(new MultiPartLimits(open, perTenant, MultiPartLimits.defaults().maxBytes()));
            return ServerConfig.of(c.string("kmip.host"), c.integer("kmip.port"), tls, identity).withLimits(limits);
        } catch (KmipServerException e) {
            throw AppException.usage("kmip: " + e.getMessage() + " (kmip.handshake-timeout, kmip.request-timeout and"
                    + " kmip.idle-timeout must be positive)");
        }
    }

    private static Policy policy(Path file) {
        try {
            return PolicyParser.parse(Files.readString(file));
        } catch (IOException e) {
            throw AppException.usage("policy.file: cannot read " + file + ": " + e.getMessage());
        } catch (EngineException e) {
            throw AppException.usage("policy.file: " + file + ": " + e.getMessage());
        }
    }

    private static boolean issuedByDevelopmentCa(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                X509Certificate x = (X509Certificate) cert;
                String dev = "CN=" + DevPki.CA_NAME;
                if (x.getIssuerX500Principal().getName().equals(dev) || x.getSubjectX500Principal().getName().equals(dev)) {
                    return true;
                }
            }
            return false;
        } catch (IOException | CertificateException e) {
            throw AppException.usage("cannot read certificates from " + pem + ": " + e.getMessage());
        }
    }
}
