package dev.krypton.app.node;

import dev.krypton.engine.ClusterOptions;
import dev.krypton.engine.StartupOptions;
import dev.krypton.engine.policy.Policy;
import dev.krypton.kmip.server.ServerConfig;
import dev.krypton.orbital.amqp.AmqpConfig;
import dev.krypton.orbital.grpc.GrpcConfig;
import dev.krypton.rootkey.RootKeyProvider;
import dev.krypton.storage.StorageConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link Node} is built from, decided before anything starts: by {@code krypton dev}
 * from its defaults, by {@code krypton serve} from the configuration file.
 *
 * @param storage        storage backend and its settings
 * @param rootKeys       the root-key providers offered to tenants
 * @param policy         the authorization policy
 * @param region         region of this node
 * @param auditFile      the hash-chained audit log
 * @param auditKeyFolder folder of the audit signing key
 * @param kmip           the KMIP listener
 * @param kmipHttps      where to serve KMIP over HTTPS ({@code POST /kmip}) too, when enabled
 * @param grpc           the Orbital gRPC listener
 * @param amqp           the AMQP intake, when enabled
 * @param adminHost      admin HTTP listen address
 * @param adminPort      admin HTTP port, 0 for any
 * @param disableCoreDumps whether to make the process non-dumpable with a zero core limit at start
 * @param cluster        node id, heartbeats, polling and the revocation-staleness bound
 * @param startup        parallelism, rate limits and backoff of the start-up re-unseal
 */
public record NodePlan(StorageConfig storage, List<RootKeyProvider> rootKeys, Policy policy, String region,
                       Path auditFile, Path auditKeyFolder, ServerConfig kmip, Optional<Listen> kmipHttps, GrpcConfig grpc, Optional<AmqpConfig> amqp,
                       String adminHost, int adminPort, boolean disableCoreDumps,
                       ClusterOptions cluster, StartupOptions startup) {

    public NodePlan {
        Objects.requireNonNull(storage, "storage");
        rootKeys = List.copyOf(rootKeys);
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(auditFile, "auditFile");
        Objects.requireNonNull(auditKeyFolder, "auditKeyFolder");
        Objects.requireNonNull(kmip, "kmip");
        Objects.requireNonNull(kmipHttps, "kmipHttps");
        Objects.requireNonNull(grpc, "grpc");
        Objects.requireNonNull(amqp, "amqp");
        Objects.requireNonNull(adminHost, "adminHost");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(startup, "startup");
    }

    /** A listen address and port (0: any free port). */
    public record Listen(String host, int port) {
        public Listen {
            Objects.requireNonNull(host, "host");
        }
    }
}
