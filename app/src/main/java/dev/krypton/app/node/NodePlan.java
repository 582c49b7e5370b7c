package dev.krypton.app.node;

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
 * @param grpc           the Orbital gRPC listener
 * @param amqp           the AMQP intake, when enabled
 * @param adminHost      admin HTTP listen address
 * @param adminPort      admin HTTP port, 0 for any
 * @param disableCoreDumps whether to make the process non-dumpable with a zero core limit at start
 * @param startup        parallelism, rate limits and backoff of the start-up re-unseal
 */
public record NodePlan(StorageConfig storage, List<RootKeyProvider> rootKeys, Policy policy, String region,
                       Path auditFile, Path auditKeyFolder, ServerConfig kmip, GrpcConfig grpc, Optional<AmqpConfig> amqp,
                       String adminHost, int adminPort, boolean disableCoreDumps, StartupOptions startup) {

    public NodePlan {
        Objects.requireNonNull(storage, "storage");
        rootKeys = List.copyOf(rootKeys);
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(auditFile, "auditFile");
        Objects.requireNonNull(auditKeyFolder, "auditKeyFolder");
        Objects.requireNonNull(kmip, "kmip");
        Objects.requireNonNull(grpc, "grpc");
        Objects.requireNonNull(amqp, "amqp");
        Objects.requireNonNull(adminHost, "adminHost");
        Objects.requireNonNull(startup, "startup");
    }
}
