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

    /**
     * A plan built by name. Required: storage, root keys, policy, audit, kmip, grpc and cluster;
     * the rest defaults to region "", no KMIP HTTPS, no AMQP intake, admin on 127.0.0.1 with any
     * free port, core dumps left alone, and the default start-up re-unseal.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link NodePlan}; see {@link #builder()}. */
    public static final class Builder {
        private StorageConfig storage;
        private List<RootKeyProvider> rootKeys;
        private Policy policy;
        private String region = "";
        private Path auditFile;
        private Path auditKeyFolder;
        private ServerConfig kmip;
        private Optional<Listen> kmipHttps = Optional.empty();
        private GrpcConfig grpc;
        private Optional<AmqpConfig> amqp = Optional.empty();
        private Listen admin = new Listen("127.0.0.1", 0);
        private boolean disableCoreDumps;
        private ClusterOptions cluster;
        private StartupOptions startup = StartupOptions.defaults();

        private Builder() {
        }

        public Builder storage(StorageConfig storage) {
            this.storage = storage;
            return this;
        }

        public Builder rootKeys(List<RootKeyProvider> rootKeys) {
            this.rootKeys = rootKeys;
            return this;
        }

        public Builder policy(Policy policy) {
            this.policy = policy;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** The audit log and the folder of its signing key. */
        public Builder audit(Path file, Path keyFolder) {
            this.auditFile = file;
            this.auditKeyFolder = keyFolder;
            return this;
        }

        public Builder kmip(ServerConfig kmip) {
            this.kmip = kmip;
            return this;
        }

        public Builder kmipHttps(Optional<Listen> kmipHttps) {
            this.kmipHttps = kmipHttps;
            return this;
        }

        public Builder grpc(GrpcConfig grpc) {
            this.grpc = grpc;
            return this;
        }

        public Builder amqp(Optional<AmqpConfig> amqp) {
            this.amqp = amqp;
            return this;
        }

        public Builder admin(String host, int port) {
            this.admin = new Listen(host, port);
            return this;
        }

        public Builder disableCoreDumps(boolean disable) {
            this.disableCoreDumps = disable;
            return this;
        }

        public Builder cluster(ClusterOptions cluster) {
            this.cluster = cluster;
            return this;
        }

        public Builder startup(StartupOptions startup) {
            this.startup = startup;
            return this;
        }

        /** The plan; a required part that was not given is a NullPointerException naming it. */
        public NodePlan build() {
            return new NodePlan(storage, Objects.requireNonNull(rootKeys, "rootKeys"), policy, region, auditFile,
                    auditKeyFolder, kmip, kmipHttps, grpc, amqp, admin.host(), admin.port(), disableCoreDumps, cluster,
                    startup);
        }
    }

    /** A listen address and port (0: any free port). */
    public record Listen(String host, int port) {
        public Listen {
            Objects.requireNonNull(host, "host");
        }
    }
}
