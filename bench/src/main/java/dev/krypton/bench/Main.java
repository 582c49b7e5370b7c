package dev.krypton.bench;

import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.client.ClientConfig;
import dev.krypton.kmip.client.KmipClient;
import dev.krypton.kmip.client.TlsSettings;
import dev.krypton.kmip.message.ProtocolVersion;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * The load generator's command line:
 * {@code java -jar bench/target/krypton-bench.jar --port=5696 --cert=c.pem --key=c.key --ca=ca.pem
 * --workload=gcm-decrypt --connections=8 --batch=1 --rate=0 --warmup=5 --duration=20}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        try {
            run(BenchOptions.parse(args), System.out);
        } catch (BenchException e) {
            System.err.println("krypton-bench: " + e.getMessage());
            System.exit(2);
        } catch (KmipException e) {
            System.err.println("krypton-bench: setup failed, the server answered " + e.reason().specName() + ": " + e.getMessage());
            System.exit(3);
        }
    }

    /** Runs one measurement and prints its report; returns it for callers that check it. */
    public static LoadRunner.Result run(BenchOptions o, PrintStream out) {
        TlsSettings tls = TlsSettings.fromPem(o.cert(), o.key(), o.ca()).withCipherSuites(TlsSettings.PYKMIP_COMPATIBLE_SUITES);
        if (o.tls12Only()) {
            tls = tls.withProtocols(List.of("TLSv1.2"));
        }
        LoadRunner.Result result;
        if (o.workload().equals("handshake")) {
            result = LoadRunner.run(o.connections(), o.rate(), o.warmup(), o.duration(), new Handshakes(o.host(), o.port(), tls));
        } else {
            var config = ClientConfig.of(o.host(), o.port(), tls).withVersion(version(o.kmipVersion()))
                    .withMaxConnections(o.connections()).withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30));
            try (var client = KmipClient.open(config)) {
                var prepared = DecryptWorkload.named(o.workload()).prepare(client);
                var request = DecryptWorkload.request(prepared, config.version(), o.batch());
                result = LoadRunner.run(o.connections(), o.rate(), o.warmup(), o.duration(),
                        () -> DecryptWorkload.verify(prepared, client.send(request)));
            }
        }
        out.println(Report.format(o, result));
        return result;
    }

    private static ProtocolVersion version(String text) {
        return ProtocolVersion.SUPPORTED.stream().filter(v -> (v.major() + "." + v.minor()).equals(text)).findFirst()
                .orElseThrow(() -> new BenchException("unsupported KMIP version " + text));
    }
}
