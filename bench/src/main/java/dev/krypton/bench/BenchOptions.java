package dev.krypton.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to run, parsed from {@code --name=value} arguments.
 *
 * @param host        server host
 * @param port        server port
 * @param cert        client certificate chain (PEM)
 * @param key         client private key (PEM, unencrypted PKCS#8)
 * @param ca          CA certificates that vouch for the server (PEM)
 * @param workload    gcm-decrypt, cbc-decrypt or handshake
 * @param connections persistent connections (and concurrent callers)
 * @param batch       Decrypt items per request message
 * @param rate        target messages per second for fixed-rate mode; 0 runs closed-loop as fast as possible
 * @param warmup      time run before measuring
 * @param duration    measured time
 * @param kmipVersion protocol version of every request ("1.4", "1.2", "2.1")
 * @param tls12Only   offer only TLS 1.2 (PyKMIP)
 */
public record BenchOptions(String host, int port, Path cert, Path key, Path ca, String workload, int connections,
                           int batch, int rate, Duration warmup, Duration duration, String kmipVersion, boolean tls12Only) {
    static final Set<String> WORKLOADS = Set.of("gcm-decrypt", "cbc-decrypt", "handshake");
    private static final List<String> NAMES = List.of("host", "port", "cert", "key", "ca", "workload", "connections",
            "batch", "rate", "warmup", "duration", "kmip", "tls12-only");

    public BenchOptions {
        if (!WORKLOADS.contains(workload)) {
            throw new BenchException("unknown workload " + workload + "; one of " + WORKLOADS);
        }
        if (connections < 1 || batch < 1 || rate < 0 || port < 1 || port > 65535) {
            throw new BenchException("connections and batch must be >= 1, rate >= 0, port 1-65535");
        }
        if (warmup.isNegative() || duration.isNegative() || duration.isZero()) {
            throw new BenchException("duration must be positive and warmup not negative");
        }
    }

    /** Parses {@code --name=value} arguments; cert, key, ca and port are required. */
    public static BenchOptions parse(String... args) {
        Map<String, String> v = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0 || !NAMES.contains(arg.substring(2, eq))) {
                throw new BenchException("unknown argument " + arg + "; expected --name=value with name one of " + NAMES);
            }
            v.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        for (String required : List.of("port", "cert", "key", "ca")) {
            if (!v.containsKey(required)) {
                throw new BenchException("--" + required + "= is required");
            }
        }
        try {
            return new BenchOptions(v.getOrDefault("host", "127.0.0.1"), Integer.parseInt(v.get("port")),
                    Path.of(v.get("cert")), Path.of(v.get("key")), Path.of(v.get("ca")),
                    v.getOrDefault("workload", "gcm-decrypt"), Integer.parseInt(v.getOrDefault("connections", "8")),
                    Integer.parseInt(v.getOrDefault("batch", "1")), Integer.parseInt(v.getOrDefault("rate", "0")),
                    Duration.ofSeconds(Long.parseLong(v.getOrDefault("warmup", "5"))),
                    Duration.ofSeconds(Long.parseLong(v.getOrDefault("duration", "20"))),
                    v.getOrDefault("kmip", "1.4"), Boolean.parseBoolean(v.getOrDefault("tls12-only", "false")));
        } catch (NumberFormatException e) {
            throw new BenchException("not a number: " + e.getMessage());
        }
    }
}
