package dev.krypton.kmip.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.Operation;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.attribute.CryptographicParameters;
import dev.krypton.kmip.client.KmipOperations;
import dev.krypton.kmip.message.Bytes;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Request metrics: item outcomes by operation and result, message latency histograms by operation. */
class RequestMetricsTest {

    @Test
    void bucketsAreInclusiveUpperBoundsAndCumulative() {
        var metrics = new RequestMetrics();
        int decrypt = RequestMetrics.slot(Operation.DECRYPT.value());
        metrics.message(decrypt, 100_000);
        metrics.message(decrypt, 100_001);
        metrics.message(decrypt, 3_000_000);
        metrics.message(decrypt, 10_000_001);
        RequestMetrics.Latency l = metrics.latencies().getFirst();
        assertThat(l.operation()).isEqualTo("Decrypt");
        assertThat(l.cumulative()).containsExactly(1, 2, 2, 2, 2, 3, 3, 4);
        assertThat(l.count()).isEqualTo(4);
        assertThat(l.sumNanos()).isEqualTo(100_000 + 100_001 + 3_000_000 + 10_000_001);
    }

    @Test
    void unknownOperationCodesShareOneSlot() {
        assertThat(RequestMetrics.slot(0x7FFF_0000)).isEqualTo(RequestMetrics.UNKNOWN);
        assertThat(RequestMetrics.slot(-1)).isEqualTo(RequestMetrics.UNKNOWN);
        assertThat(RequestMetrics.slot(Operation.CREATE.value())).isNotEqualTo(RequestMetrics.UNKNOWN);
    }

    @Test
    void servedRequestsAreCountedByOperationAndResultAndTimedPerMessage() throws InterruptedException {
        try (var fixture = new ServerFixture()) {
            KmipOperations acme = fixture.client("acme");
            KmipOperations globex = fixture.client("globex");
            String kek = KekOperationsTest.createKek(acme, "metrics");
            var gcm = CryptographicParameters.aesGcm(16);
            var sealed = acme.encrypt(kek, gcm, Bytes.of(new byte[32]), Optional.empty(), Optional.empty());
            for (int i = 0; i < 2; i++) {
                acme.decrypt(kek, gcm, sealed.data().orElseThrow(), sealed.ivCounterNonce(), Optional.empty(), sealed.tag());
            }
            assertThatThrownBy(() -> globex.decrypt(kek, gcm, sealed.data().orElseThrow(), sealed.ivCounterNonce(),
                    Optional.empty(), sealed.tag())).isInstanceOfSatisfying(KmipException.class,
                    e -> assertThat(e.reason()).isEqualTo(ResultReason.PERMISSION_DENIED));

            RequestMetrics metrics = fixture.server.metrics();
            assertThat(metrics.outcomes()).contains(new RequestMetrics.Outcome("Create", "Success", 1),
                    new RequestMetrics.Outcome("Encrypt", "Success", 1), new RequestMetrics.Outcome("Decrypt", "Success", 2),
                    new RequestMetrics.Outcome("Decrypt", "PermissionDenied", 1));
            RequestMetrics.Latency decrypts = awaitCount(metrics, "Decrypt", 3);
            assertThat(decrypts.sumNanos()).isPositive();
            for (int b = 1; b < decrypts.cumulative().length; b++) {
                assertThat(decrypts.cumulative()[b]).isGreaterThanOrEqualTo(decrypts.cumulative()[b - 1]);
            }
        }
    }

    /** The histogram is recorded just after the response is flushed, so the client may see the answer first. */
    private static RequestMetrics.Latency awaitCount(RequestMetrics metrics, String operation, long count)
            throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            var found = metrics.latencies().stream().filter(l -> l.operation().equals(operation)).findFirst();
            if (found.isPresent() && found.get().count() >= count || System.nanoTime() > deadline) {
                assertThat(found).isPresent();
                assertThat(found.get().count()).isEqualTo(count);
                return found.get();
            }
            Thread.sleep(10);
        }
    }
}
