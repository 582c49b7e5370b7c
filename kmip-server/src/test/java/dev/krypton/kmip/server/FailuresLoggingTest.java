package dev.krypton.kmip.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.kmip.ResultReason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** A burst of internal faults (one hostile message of many batch items) writes a bounded number of log lines. */
class FailuresLoggingTest {

    @Test
    void aThousandInternalFaultsInABurstLogAtMostOneStackTrace() {
        List<LogRecord> logged = Collections.synchronizedList(new ArrayList<>());
        Logger logger = Logger.getLogger(Failures.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            for (int i = 0; i < 1000; i++) {
                Failures.Failure f = Failures.of(new IllegalArgumentException("toIndex = -2147483648"));
                assertThat(f.reason()).isEqualTo(ResultReason.GENERAL_FAILURE);
                assertThat(f.message()).isEqualTo("internal error");
            }
        } finally {
            logger.removeHandler(capture);
        }
        // The burst takes far less than the 10 s report interval; at most the first one is logged
        // (none if another test in this JVM logged one within the interval).
        assertThat(logged).hasSizeLessThanOrEqualTo(1);
    }
}
