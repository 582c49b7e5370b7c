package dev.krypton.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {
    private static final String[] REQUIRED = {"--port=5696", "--cert=c.pem", "--key=c.key", "--ca=ca.pem"};

    @Test
    void defaultsToEightConnectionsSingleItemGcmClosedLoop() {
        BenchOptions o = BenchOptions.parse(REQUIRED);
        assertThat(o.workload()).isEqualTo("gcm-decrypt");
        assertThat(o.connections()).isEqualTo(8);
        assertThat(o.batch()).isEqualTo(1);
        assertThat(o.rate()).isZero();
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(20));
        assertThat(o.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void readsEveryOption() {
        BenchOptions o = BenchOptions.parse("--host=kms", "--port=1", "--cert=a", "--key=b", "--ca=c", "--workload=cbc-decrypt",
                "--connections=3", "--batch=100", "--rate=5000", "--warmup=0", "--duration=7", "--kmip=1.2", "--tls12-only=true");
        assertThat(o).isEqualTo(new BenchOptions("kms", 1, java.nio.file.Path.of("a"), java.nio.file.Path.of("b"),
                java.nio.file.Path.of("c"), "cbc-decrypt", 3, 100, 5000, Duration.ZERO, Duration.ofSeconds(7), "1.2", true));
    }

    @Test
    void refusesUnknownMissingAndOutOfRangeArguments() {
        assertThatThrownBy(() -> BenchOptions.parse("--prot=5696")).isInstanceOf(BenchException.class).hasMessageContaining("--prot");
        assertThatThrownBy(() -> BenchOptions.parse("--port=5696")).isInstanceOf(BenchException.class).hasMessageContaining("--cert");
        assertThatThrownBy(() -> BenchOptions.parse(with("--workload=encrypt"))).hasMessageContaining("unknown workload");
        assertThatThrownBy(() -> BenchOptions.parse(with("--batch=0"))).hasMessageContaining("batch");
        assertThatThrownBy(() -> BenchOptions.parse(with("--rate=x"))).hasMessageContaining("not a number");
    }

    private static String[] with(String extra) {
        String[] all = java.util.Arrays.copyOf(REQUIRED, REQUIRED.length + 1);
        all[REQUIRED.length] = extra;
        return all;
    }
}
