package dev.krypton.kmip.server;

import dev.krypton.crypto.CryptoEngines;
import dev.krypton.kmip.attribute.CryptographicParameters;
import dev.krypton.kmip.client.KmipOperations;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.payload.Encrypt;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measured run (not a test; runs only with {@code -Dkrypton.load=true}): the process CPU time
 * (client and in-process server together, over mutual TLS) and the bytes given to the cipher for
 * one 1,000,000-byte GCM Encrypt, and for a multi-part GCM Encrypt of a 1,000,000-byte first part
 * followed by 1,000 one-byte parts (the last one Final), and for 1,000 single-part one-byte
 * Encrypts (what the requests cost without the data). Prints the median of 5 rounds after 2
 * warm-up rounds. Command in docs/kmip-server.md.
 */
class MultiPartLoad {

    private static final int HEAD = 1_000_000;
    private static final int PARTS = 1_000;
    private static final Optional<CryptographicParameters> GCM = Optional.of(CryptographicParameters.aesGcm(16));

    @Test
    @EnabledIfSystemProperty(named = "krypton.load", matches = "true")
    void measure() {
        AtomicLong cipherBytes = new AtomicLong();
        try (var fixture = new ServerFixture(c -> c, HostileMultiPartTest.counting(CryptoEngines.select(), cipherBytes))) {
            KmipOperations acme = fixture.client("acme");
            String kek = KekOperationsTest.createKek(acme, "load");
            byte[] head = new byte[HEAD];
            long[] oneShot = new long[5];
            long[] parts = new long[5];
            long[] singles = new long[5];
            long oneShotBytes = 0;
            long partsBytes = 0;
            for (int round = -2; round < 5; round++) {
                cipherBytes.set(0);
                long t0 = cpu();
                acme.client().call(new Encrypt.Request(Optional.of(kek), GCM, Optional.of(Bytes.of(head)), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), Encrypt.Response.class);
                long t1 = cpu();
                oneShotBytes = cipherBytes.getAndSet(0);
                Encrypt.Response first = acme.client().call(new Encrypt.Request(Optional.of(kek), GCM, Optional.of(Bytes.of(head)),
                        Optional.empty(), Optional.empty(), Optional.of(true), Optional.empty(), Optional.empty()), Encrypt.Response.class);
                for (int i = 0; i < PARTS; i++) {
                    acme.client().call(new Encrypt.Request(Optional.of(kek), GCM, Optional.of(Bytes.of(new byte[1])), Optional.empty(),
                            first.correlationValue(), Optional.empty(), Optional.of(i == PARTS - 1), Optional.empty()),
                            Encrypt.Response.class);
                }
                long t2 = cpu();
                partsBytes = cipherBytes.get();
                for (int i = 0; i < PARTS; i++) {
                    acme.client().call(new Encrypt.Request(Optional.of(kek), GCM, Optional.of(Bytes.of(new byte[1])), Optional.empty(),
                            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), Encrypt.Response.class);
                }
                long t3 = cpu();
                if (round >= 0) {
                    oneShot[round] = t1 - t0;
                    parts[round] = t2 - t1;
                    singles[round] = t3 - t2;
                }
            }
            java.util.Arrays.sort(oneShot);
            java.util.Arrays.sort(parts);
            java.util.Arrays.sort(singles);
            System.out.printf("MULTIPART-LOAD one 1,000,000-byte Encrypt: %.1f ms CPU, %,d bytes through the cipher%n",
                    oneShot[2] / 1e6, oneShotBytes);
            System.out.printf("MULTIPART-LOAD 1,000,000 bytes then %,d one-byte parts: %.1f ms CPU, %,d bytes through the cipher%n",
                    PARTS, parts[2] / 1e6, partsBytes);
            System.out.printf("MULTIPART-LOAD %,d single-part one-byte Encrypts (the cost of the requests alone): %.1f ms CPU%n",
                    PARTS, singles[2] / 1e6);
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
