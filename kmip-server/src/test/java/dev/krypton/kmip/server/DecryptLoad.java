package dev.krypton.kmip.server;

import dev.krypton.kmip.attribute.CryptographicParameters;
import dev.krypton.kmip.client.ClientConfig;
import dev.krypton.kmip.client.KmipClient;
import dev.krypton.kmip.client.KmipOperations;
import dev.krypton.kmip.client.TlsSettings;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.payload.Decrypt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A first load figure (not a test): single-item AES-GCM Decrypt of a 32-byte DEK over mutual TLS
 * against the in-process server, with C connections each driven by its own thread issuing one
 * request at a time. Prints ops/s and latency percentiles. Arguments: connections (8), warm-up
 * seconds (5), measured seconds (15).
 */
public final class DecryptLoad {

    private DecryptLoad() {
    }

    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        try (var fixture = new ServerFixture()) {
            KmipOperations setup = fixture.client("acme");
            String kek = KekOperationsTest.createKek(setup, "load");
            var gcm = CryptographicParameters.aesGcm(16);
            var enc = setup.encrypt(kek, gcm, Bytes.of(new byte[32]), Optional.empty(), Optional.empty());
            var request = Decrypt.Request.of(kek, gcm, enc.data().orElseThrow(), enc.ivCounterNonce(), Optional.empty(), enc.tag());
            TlsSettings tls = TlsSettings.fromKeyStores(TestPki.identity(fixture.pki.client("acme")), TestPki.PASSWORD,
                    TestPki.trust(fixture.pki.ca()));
            List<KmipClient> clients = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                clients.add(KmipClient.open(ClientConfig.of("localhost", fixture.server.port(), tls).withMaxConnections(1)));
            }
            run(clients, request, warmup);
            long[][] latencies = run(clients, request, seconds);
            long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
            System.out.printf("connections=%d seconds=%d ops=%d ops/s=%.0f p50=%.3fms p99=%.3fms p99.9=%.3fms%n",
                    connections, seconds, all.length, all.length / (double) seconds, pct(all, 0.50), pct(all, 0.99), pct(all, 0.999));
            clients.forEach(KmipClient::close);
        }
    }

    private static long[][] run(List<KmipClient> clients, Decrypt.Request request, int seconds) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        long[][] out = new long[clients.size()][];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            int n = i;
            threads.add(Thread.ofPlatform().name("load-" + i).start(() -> {
                long[] samples = new long[1 << 16];
                int count = 0;
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    clients.get(n).call(request, Decrypt.Response.class);
                    if (count == samples.length) {
                        samples = Arrays.copyOf(samples, count * 2);
                    }
                    samples[count++] = System.nanoTime() - t0;
                }
                out[n] = Arrays.copyOf(samples, count);
            }));
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        return out;
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }
}
