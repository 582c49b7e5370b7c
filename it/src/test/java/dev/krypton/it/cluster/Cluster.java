package dev.krypton.it.cluster;

import dev.krypton.it.TestPki;
import dev.krypton.orbital.client.GrpcTaskSender;
import dev.krypton.testsupport.TcpRelay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * N real Krypton nodes ({@link NodeProcess}) that form one regional cluster: one PostgreSQL
 * database of their own ({@link ClusterDatabase}), the same AMQP task, critical, response and
 * critical response addresses (unique to this run) on the local RabbitMQ, the {@code local} root-key provider on one
 * shared key folder, and one PKI ({@link TestPki}: the nodes' server certificate and the client
 * certificate {@link #GATEWAY}, granted every operation on every tenant). Every node has its own
 * folder, audit log and ports (all 0, read back from the node). With {@link Builder#proxied()} each
 * node reaches PostgreSQL through its own {@link TcpRelay}; with {@link Builder#brokerRelayed()},
 * the AMQP broker too.
 */
public final class Cluster implements AutoCloseable {

    /** Common name of the gateway client certificate. */
    public static final String GATEWAY = "it-gateway";
    /** Common name of the Orbital client certificate (the nodes' default allowed gRPC principal). */
    public static final String ORBITAL = "krypton-orbital";

    private final Path dir;
    private final TestPki pki;
    private final ClusterDatabase database;
    private final OrbitalBus.Addresses addresses;
    private final List<NodeProcess> nodes;
    private final List<Optional<TcpRelay>> proxies;
    private final List<Optional<TcpRelay>> brokerRelays;

    private Cluster(Path dir, TestPki pki, ClusterDatabase database, OrbitalBus.Addresses addresses,
                    List<NodeProcess> nodes, List<Optional<TcpRelay>> proxies, List<Optional<TcpRelay>> brokerRelays) {
        this.dir = dir;
        this.pki = pki;
        this.database = database;
        this.addresses = addresses;
        this.nodes = nodes;
        this.proxies = proxies;
        this.brokerRelays = brokerRelays;
    }

    public static Builder in(Path dir) {
        return new Builder(dir);
    }

    /** How to build a cluster. */
    public static final class Builder {
        private final Path dir;
        private int size = 3;
        private boolean proxied;
        private boolean brokerRelayed;
        private final Map<String, String> settings = new TreeMap<>();

        private Builder(Path dir) {
            this.dir = dir;
        }

        public Builder nodes(int n) {
            size = n;
            return this;
        }

        /** Every node reaches PostgreSQL through a {@link TcpRelay} of its own. */
        public Builder proxied() {
            proxied = true;
            return this;
        }

        /** Every node reaches the AMQP broker through a {@link TcpRelay} of its own. */
        public Builder brokerRelayed() {
            brokerRelayed = true;
            return this;
        }

        /** A setting for every node, as a dotted key ({@code cluster.revocation-staleness}). */
        public Builder setting(String key, String value) {
            settings.put(key, value);
            return this;
        }

        /** Writes the configurations, starts every node in parallel and waits until all are ready. */
        public Cluster start() throws IOException, InterruptedException {
            String run = "krypton-it-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
            TestPki pki = TestPki.create(Files.createDirectories(dir.resolve("pki")), List.of(GATEWAY, ORBITAL));
            Path policy = Files.writeString(dir.resolve("policy.yaml"), """
                    upstream: false
                    grants:
                      - principal: %s
                        tenants: ["*"]
                        operations: ["*"]
                    """.formatted(GATEWAY));
            Path rootKeys = Files.createDirectories(dir.resolve("root-keys"));
            OrbitalBus.Addresses addresses = OrbitalBus.Addresses.unique(run);
            ClusterDatabase database = ClusterDatabase.create();
            List<NodeProcess> nodes = new ArrayList<>();
            List<Optional<TcpRelay>> proxies = new ArrayList<>();
            List<Optional<TcpRelay>> brokerRelays = new ArrayList<>();
            Cluster cluster = new Cluster(dir, pki, database, addresses, nodes, proxies, brokerRelays);
            try {
                for (int i = 1; i <= size; i++) {
                    String name = "node-" + i;
                    Path home = Files.createDirectories(dir.resolve(name));
                    Optional<TcpRelay> proxy = proxied
                            ? Optional.of(new TcpRelay(ClusterDatabase.HOST, ClusterDatabase.PORT)) : Optional.empty();
                    proxies.add(proxy);
                    int pgPort = proxy.map(TcpRelay::port).orElse(ClusterDatabase.PORT);
                    Optional<TcpRelay> brokerRelay = brokerRelayed
                            ? Optional.of(new TcpRelay(OrbitalBus.HOST, OrbitalBus.PORT)) : Optional.empty();
                    brokerRelays.add(brokerRelay);
                    NodeConfig config = new NodeConfig()
                            .set("node.region", "it")
                            .set("cluster.node-id", name)
                            .set("storage.backend", "postgres")
                            .set("storage.settings.url", database.url(ClusterDatabase.HOST, pgPort))
                            .set("storage.settings.user", "postgres")
                            .set("storage.settings.sslmode", "disable")
                            .set("storage.settings.schema", ClusterDatabase.SCHEMA)
                            .set("storage.settings.pool-size", "4")
                            .set("policy.file", policy)
                            .set("root-keys.allow-local", "true")
                            .set("root-keys.local-folder", rootKeys)
                            .set("audit.file", home.resolve("audit.log"))
                            .set("audit.key-folder", home.resolve("audit"))
                            .set("tls.certificate", pki.cert("server"))
                            .set("tls.private-key", pki.key("server"))
                            .set("tls.client-ca", pki.caCert())
                            .set("kmip.port", "0")
                            .set("orbital.grpc.port", "0")
                            .set("orbital.amqp.enabled", "true")
                            .set("orbital.amqp.port", Integer.toString(brokerRelay.map(TcpRelay::port).orElse(OrbitalBus.PORT)))
                            .set("orbital.amqp.password", "guest")
                            .set("orbital.amqp.task-address", addresses.tasks())
                            .set("orbital.amqp.critical-address", addresses.critical())
                            .set("orbital.amqp.response-address", addresses.responses())
                            .set("orbital.amqp.critical-response-address", addresses.criticalResponses())
                            .set("admin.port", "0")
                            .setAll(settings);
                    Path file = Files.writeString(home.resolve("krypton.yaml"), config.yaml());
                    nodes.add(new NodeProcess(name, home, file));
                }
                cluster.startAll(nodes);
                return cluster;
            } catch (IOException | InterruptedException | RuntimeException e) {
                cluster.close();
                throw e;
            }
        }
    }

    /** Starts the given nodes in parallel and waits until every one is ready. */
    public void startAll(List<NodeProcess> which) throws IOException, InterruptedException {
        try (ExecutorService starters = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<NodeProcess>> started = new ArrayList<>();
            for (NodeProcess n : which) {
                started.add(starters.submit(() -> n.start()));
            }
            for (Future<NodeProcess> f : started) {
                try {
                    f.get(NodeProcess.START_SECONDS + 60L, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a node did not start: " + e.getCause().getMessage(), e.getCause());
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new IllegalStateException("a node did not start within " + (NodeProcess.START_SECONDS + 60) + " s", e);
                }
            }
        }
    }

    public List<NodeProcess> nodes() {
        return nodes;
    }

    public NodeProcess node(int index) {
        return nodes.get(index);
    }

    /** The proxy between node {@code index} and PostgreSQL (only with {@link Builder#proxied()}). */
    public TcpRelay proxy(int index) {
        return proxies.get(index).orElseThrow(() -> new IllegalStateException("the cluster was built without proxies"));
    }

    public TestPki pki() {
        return pki;
    }

    public ClusterDatabase database() {
        return database;
    }

    public OrbitalBus.Addresses addresses() {
        return addresses;
    }

    public Path dir() {
        return dir;
    }

    /** A gateway connection to node {@code index}. */
    public Gateway gateway(int index) {
        return new Gateway(pki, nodes.get(index).kmipPort());
    }

    /** Orbital's gRPC connection to node {@code index} (to send a task through that node only). */
    public GrpcTaskSender grpc(int index) {
        return new GrpcTaskSender("127.0.0.1", nodes.get(index).grpcPort(), pki.caCert(), pki.cert(ORBITAL), pki.key(ORBITAL));
    }

    /** An Orbital publisher and response reader on this cluster's addresses. */
    public OrbitalBus orbital() throws org.apache.qpid.protonj2.client.exceptions.ClientException {
        return new OrbitalBus(addresses);
    }

    /** The relay between node {@code index} and the AMQP broker (only with {@link Builder#brokerRelayed()}). */
    public TcpRelay brokerRelay(int index) {
        return brokerRelays.get(index).orElseThrow(() -> new IllegalStateException("the cluster was built without broker relays"));
    }

    /** Kills every node (SIGKILL), closes the relays, drops the database and deletes the run's queues. */
    @Override
    public void close() throws InterruptedException {
        for (NodeProcess n : nodes) {
            n.kill();
        }
        for (Optional<TcpRelay> p : java.util.stream.Stream.concat(proxies.stream(), brokerRelays.stream()).toList()) {
            if (p.isPresent()) {
                try {
                    p.get().close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
        database.close();
        deleteQueues(addresses.queues());
    }

    /** Best effort: the run's queues are removed with rabbitmqctl where it is installed and allowed. */
    private static void deleteQueues(List<String> queues) throws InterruptedException {
        List<Process> running = new ArrayList<>();
        for (String q : queues) {
            try {
                running.add(new ProcessBuilder("rabbitmqctl", "-q", "delete_queue", q)
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
            } catch (IOException e) {
                return;
            }
        }
        for (Process p : running) {
            if (!p.waitFor(Duration.ofSeconds(20).toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
