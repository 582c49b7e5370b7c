package dev.krypton.kmip.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.kmip.ResultReason;
import org.junit.jupiter.api.Test;

/** A burst of internal faults (one hostile message of many batch items) writes a bounded number of log lines. */
class FailuresLoggingTest {

    @Test
    void aThousandInternalFaultsInABurstLogAtMostOneStackTrace() {
        LogCapture logged = LogCapture.of(Failures.class);
        try (logged) {
            for (int i = 0; i < 1000; i++) {
                Failures.Failure f = Failures.of(new IllegalArgumentException("toIndex = -2147483648"));
                assertThat(f.reason()).isEqualTo(ResultReason.GENERAL_FAILURE);
                assertThat(f.message()).isEqualTo("internal error");
            }
        }
        // The burst takes far less than the 10 s report interval; at most the first one is logged
        // (none if another test in this JVM logged one within the interval).
        assertThat(logged.records()).hasSizeLessThanOrEqualTo(1);
    }
}
