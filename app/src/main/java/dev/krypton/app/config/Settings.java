package dev.krypton.app.config;

import java.util.List;
import java.util.Optional;

import static dev.krypton.app.config.Setting.Kind.BOOL;
import static dev.krypton.app.config.Setting.Kind.INT;
import static dev.krypton.app.config.Setting.Kind.LIST;
import static dev.krypton.app.config.Setting.Kind.MAP;
import static dev.krypton.app.config.Setting.Kind.PATH;
import static dev.krypton.app.config.Setting.Kind.STRING;

/** Every setting of {@code krypton serve --config FILE}, in documentation order. */
public final class Settings {

    /** The catalogue. */
    public static final List<Setting> ALL = List.of(
            Setting.of("node.region", STRING, "", "Region this node serves, recorded with new tenants and bound into L2 wrapping where the provider supports it."),
            Setting.of("node.disable-core-dumps", BOOL, "true", "At start-up make the process non-dumpable (PR_SET_DUMPABLE 0) and set RLIMIT_CORE to 0, so no core dump or same-user debugger can read key memory (docs/design.md section 4)."),
            Setting.oneOf("storage.backend", "sqlite", List.of("sqlite", "postgres"), "Storage backend (docs/design.md section 5). Several nodes share one `postgres` store."),
            new Setting("storage.settings", MAP, Optional.of("{}"), List.of(), Optional.empty(), "Backend settings, checked by the backend at start-up: `sqlite` takes `path`, `busy-timeout-ms`, `readers`; `postgres` takes `url`, `user`, `schema`, `pool-size`, ... (see docs/storage.md). Sqlite needs `path`."),
            Setting.secret("storage.password", "KRYPTON_STORAGE_PASSWORD", "Database password, passed to the backend as setting `password` when not empty. Prefer the environment variable."),
            Setting.of("root-keys.allow-local", BOOL, "false", "Permit the `local` root-key provider (key files on this machine). For development only; production refuses it unless this is true."),
            Setting.of("root-keys.local-folder", PATH, "/var/lib/krypton/root-keys", "Folder of the `local` provider's key files (one `<key-id>.key` per root key)."),
            Setting.required("policy.file", PATH, "Authorization policy (YAML: `upstream`, `grants`), read at start-up."),
            Setting.of("audit.file", PATH, "/var/lib/krypton/audit.log", "Hash-chained audit log, appended to; created 0600."),
            Setting.of("audit.key-folder", PATH, "/var/lib/krypton/audit", "Folder of the Ed25519 checkpoint signing key (`audit-signing.key`, `audit-signing.pub`), created if missing."),
            Setting.required("tls.certificate", PATH, "PEM certificate chain of this node, served on the Orbital gRPC listener."),
            Setting.required("tls.private-key", PATH, "PEM PKCS#8 private key of `tls.certificate`, unencrypted (`BEGIN PRIVATE KEY`): RSA, EC, Ed25519 or Ed448."),
            Setting.required("tls.client-ca", PATH, "PEM CA certificates trusted to issue client certificates."),
            Setting.of("tls.allow-development-certificates", BOOL, "false", "Permit certificates issued by the development CA of `krypton dev` (refused in production otherwise)."),
            Setting.of("kmip.host", STRING, "127.0.0.1", "Listen address of the KMIP listener (TTLV over mutual TLS, identity `tls.*`)."),
            Setting.listenPort("kmip.port", 5696, "Listen port of the KMIP listener (0: any free port)."),
            Setting.oneOf("kmip.identity", "subject-cn", List.of("subject-cn", "san-uri", "san-dns"), "Which field of a client certificate names the principal (docs/design.md section 8)."),
            Setting.of("kmip.san-uri-prefix", STRING, "spiffe://", "With `kmip.identity: san-uri`, the prefix the URI must start with."),
            new Setting("kmip.max-connections", INT, Optional.of("1024"), List.of("1", "65536"), Optional.empty(), "KMIP connections held at once (TTLV listener; on the HTTPS endpoint, requests handled at once). A connection over it is closed before any TLS work."),
            new Setting("kmip.max-unauthenticated", INT, Optional.of("256"), List.of("1", "65536"), Optional.empty(), "Of `kmip.max-connections`, how many may be held by connections whose TLS handshake has not yet ended with a certificate naming a principal. The rest stay free for authenticated gateways, whatever anonymous peers do (see docs/security.md)."),
            new Setting("kmip.max-unauthenticated-per-address", INT, Optional.of("64"), List.of("1", "65536"), Optional.empty(), "Unauthenticated KMIP connections held at once from one source IP address. Gateways behind one NAT address that reconnect all at once may need more."),
            Setting.duration("kmip.handshake-timeout", "10s", "Deadline of a KMIP connection's TLS handshake, in total time from the accept (not per read): a peer that has not finished it by then is disconnected. On the HTTPS endpoint, handshake and first request together get this plus `kmip.request-timeout`."),
            Setting.duration("kmip.request-timeout", "30s", "Deadline of one KMIP request, in total time from its first byte until the whole message is read; its response must also be taken within this time. Must be positive."),
            Setting.duration("kmip.idle-timeout", "5m", "How long a KMIP connection may wait between requests (no byte of a new request) before it is closed."),
            Setting.of("kmip.pykmip-compatible", BOOL, "false", "Also offer TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256 on TLS 1.2 (PyKMIP clients need it)."),
            new Setting("kmip.multi-part.max-open", INT, Optional.of("1024"), List.of("1", "1000000"), Optional.empty(), "Most multi-part (Init/Final Indicator) Encrypt operations the node holds open at once, in all tenants. Each holds its plaintext so far (up to 1 MiB) until its Final part or 5 idle minutes; a first part beyond the cap is refused (Server Limit Exceeded in KMIP 2.x, General Failure in 1.x, with the cap in the Result Message)."),
            new Setting("kmip.multi-part.max-open-per-tenant", INT, Optional.of("64"), List.of("1", "1000000"), Optional.empty(), "Most multi-part Encrypt operations open at once with the keys of one tenant, so a tenant at its cap leaves room for the others. At most `kmip.multi-part.max-open`."),
            Setting.of("kmip.https.enabled", BOOL, "false", "Also serve KMIP over HTTPS: `POST /kmip` with a TTLV (`application/octet-stream`) or TTLV-JSON (`application/json`) body, same TLS identity, client-certificate rule and limits as the TTLV listener."),
            Setting.of("kmip.https.host", STRING, "127.0.0.1", "Listen address of the KMIP HTTPS endpoint."),
            Setting.listenPort("kmip.https.port", 5698, "Listen port of the KMIP HTTPS endpoint (0: any free port)."),
            Setting.of("orbital.grpc.host", STRING, "127.0.0.1", "Listen address of the Orbital gRPC intake."),
            Setting.listenPort("orbital.grpc.port", 5697, "Listen port of the Orbital gRPC intake (0: any free port)."),
            new Setting("orbital.grpc.allowed-principals", LIST, Optional.of("[krypton-orbital]"), List.of(), Optional.empty(), "Client certificate common names allowed to send tasks."),
            Setting.of("orbital.amqp.enabled", BOOL, "false", "Also consume tasks from an AMQP 1.0 broker."),
            Setting.of("orbital.amqp.host", STRING, "127.0.0.1", "Broker host."),
            Setting.port("orbital.amqp.port", 5672, "Broker port."),
            Setting.of("orbital.amqp.user", STRING, "guest", "SASL PLAIN user."),
            Setting.secret("orbital.amqp.password", "KRYPTON_AMQP_PASSWORD", "SASL PLAIN password. Prefer the environment variable."),
            Setting.of("orbital.amqp.task-address", STRING, "/queue/krypton-tasks", "Address of routine tasks."),
            Setting.of("orbital.amqp.critical-address", STRING, "/queue/krypton-critical-tasks", "Address of unlink-class tasks (own receiver and worker)."),
            Setting.of("orbital.amqp.response-address", STRING, "/queue/krypton-responses", "Address the task responses are sent to."),
            Setting.of("orbital.amqp.critical-response-address", STRING, "/queue/krypton-critical-responses", "Address the answers to unlink-class tasks (unlink, detach, disable, delete) are sent to, by a sender of their own and with AMQP priority 9, so a kill-switch answer never queues in the broker behind routine answers Orbital has not read yet; Orbital reads it besides the response address. Empty: the response address (one address for every answer, as an Orbital that reads only one address needs)."),
            Setting.duration("orbital.amqp.idle-timeout", "10s", "How long the broker connection may stay silent before the node takes it for dead and reconnects (AMQP idle time-out; the broker is asked for a frame at least every half of it). At least 100ms."),
            Setting.of("cluster.node-id", STRING, "", "This node's id in the cluster's heartbeat table. Empty: the host name plus a random suffix, created once and kept in the file `node-id` in the folder of `audit.file`, so a restarted node keeps its id."),
            Setting.duration("cluster.poll-interval", "500ms", "How often the node re-reads every tenant's generation from storage (the fallback behind the PostgreSQL change feed), applies what moved and writes its heartbeat (node id, time, applied generations): the confirmation behind `cluster.revocation-staleness`. Must be shorter than a quarter of the staleness."),
            Setting.duration("cluster.revocation-staleness", "5s", "The proven revocation bound: a node that cannot confirm the current tenant generations from storage for longer than this refuses every KMIP operation (retryable) until it can again. `0` turns the bound off: the node then serves through any storage outage (see docs/operations.md)."),
            Setting.duration("cluster.propagation-timeout", "10s", "Longest time an unlink-class Orbital task (unlink, disable, delete) waits for every live node to apply the change before it answers PROCESSING so that Orbital retries."),
            new Setting("startup.unseal-parallelism", INT, Optional.of("32"), List.of("1", "1024"), Optional.empty(), "At start-up, how many tenants the node re-unseals at once (root-key unwraps in flight). The node serves while it re-unseals; a tenant not unsealed yet is refused as retryable (see docs/operations.md)."),
            new Setting("startup.unseal-rate-limits", MAP, Optional.of("{}"), List.of(), Optional.empty(), "At start-up, the most root-key unwraps per second per provider name, such as `{aws-kms: 50}` (a provider's API quota). A provider without an entry is not limited."),
            Setting.of("admin.host", STRING, "127.0.0.1", "Listen address of the admin HTTP listener (/healthz, /readyz, /metrics, /status)."),
            Setting.listenPort("admin.port", 9696, "Listen port of the admin HTTP listener (0: any free port)."),
            Setting.oneOf("logging.format", "text", List.of("text", "json"), "Log lines on standard error: the JDK's text format, or one JSON object per line (`time`, `level`, `logger`, `message`, `thread`, `error`, plus the fields of security events such as `event`, `subject`, `peer`); see docs/operations.md."));

    private Settings() {
    }

    /** The setting named {@code key}, if any. */
    public static Optional<Setting> find(String key) {
        return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /** The reference table of docs/configuration.md. */
    public static String markdownTable() {
        StringBuilder out = new StringBuilder("| key | type | default | allowed | environment | meaning |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        for (Setting s : ALL) {
            String allowed = switch (s.kind()) {
                case ENUM -> String.join(", ", s.allowed());
                case INT -> s.allowed().get(0) + "-" + s.allowed().get(1);
                case BOOL -> "true, false";
                case DURATION -> "`0`, `500ms`, `5s`, `2m`";
                case STRING, PATH, LIST, MAP -> "";
            };
            out.append("| `").append(s.key()).append("` | ").append(s.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .append(" | ").append(s.defaultValue().map(d -> d.isEmpty() ? "(empty)" : "`" + d + "`").orElse("(required)"))
                    .append(" | ").append(allowed).append(" | ").append(s.env().map(e -> "`" + e + "`").orElse(""))
                    .append(" | ").append(s.description()).append(" |\n");
        }
        return out.toString();
    }
}
