package dev.krypton.app.config;

import dev.krypton.app.AppException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigReaderTest {

    private static final String REQUIRED = """
            policy:
              file: /etc/krypton/policy.yaml
            tls:
              certificate: /etc/krypton/node.pem
              private-key: /etc/krypton/node.key
              client-ca: /etc/krypton/ca.pem
            """;

    private static String mistakes(String yaml) {
        try {
            ConfigReader.parse(yaml, "krypton.yaml", Map.of());
        } catch (AppException e) {
            assertThat(e.usage()).isTrue();
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + yaml);
    }

    @Test
    void defaultsFillEverySettingNotGiven() {
        ConfigValues c = ConfigReader.parse(REQUIRED, "krypton.yaml", Map.of());
        assertThat(c.integer("orbital.grpc.port")).isEqualTo(5697);
        assertThat(c.integer("admin.port")).isEqualTo(9696);
        assertThat(c.string("admin.host")).isEqualTo("127.0.0.1");
        assertThat(c.bool("root-keys.allow-local")).isFalse();
        assertThat(c.list("orbital.grpc.allowed-principals")).containsExactly("krypton-orbital");
        assertThat(c.string("storage.backend")).isEqualTo("sqlite");
    }

    @Test
    void startUpUnsealSettingsHaveDefaultsAndRanges() {
        ConfigValues defaults = ConfigReader.parse(REQUIRED, "krypton.yaml", Map.of());
        assertThat(defaults.integer("startup.unseal-parallelism")).isEqualTo(32);
        assertThat(defaults.map("startup.unseal-rate-limits")).isEmpty();
        ConfigValues given = ConfigReader.parse(REQUIRED + "startup:\n  unseal-parallelism: 8\n"
                + "  unseal-rate-limits:\n    aws-kms: 50\n", "krypton.yaml", Map.of());
        assertThat(given.integer("startup.unseal-parallelism")).isEqualTo(8);
        assertThat(given.map("startup.unseal-rate-limits")).containsExactly(Map.entry("aws-kms", "50"));
        assertThat(mistakes(REQUIRED + "startup:\n  unseal-parallelism: 0\n"))
                .contains("'startup.unseal-parallelism' must be a whole number from 1 to 1024");
    }

    @Test
    void unknownKeyIsNamedWithItsLineAndTheKnownKeys() {
        assertThat(mistakes(REQUIRED + "admin:\n  prot: 80\n"))
                .contains("krypton.yaml:8: unknown key 'admin.prot'; known keys here: host, port");
    }

    @Test
    void unknownSectionIsAnError() {
        assertThat(mistakes(REQUIRED + "telemetry: {}\n")).contains("krypton.yaml:7: unknown key 'telemetry'");
    }

    @Test
    void wrongTypesAndRangesAreEachReportedWithWhatIsAllowed() {
        String m = mistakes(REQUIRED + """
                orbital:
                  grpc:
                    port: 70000
                    allowed-principals: orbital
                storage:
                  backend: mysql
                root-keys:
                  allow-local: yes
                """);
        assertThat(m).startsWith("configuration has 4 mistake(s):")
                .contains("krypton.yaml:9: 'orbital.grpc.port' must be a whole number from 0 to 65535, not '70000'")
                .contains("krypton.yaml:10: 'orbital.grpc.allowed-principals' must be a non-empty list of names")
                .contains("krypton.yaml:12: 'storage.backend' must be one of [sqlite, postgres], not 'mysql'")
                .contains("krypton.yaml:14: 'root-keys.allow-local' must be true or false, not 'yes'");
    }

    @Test
    void missingRequiredSettingsAreEachNamed() {
        String m = mistakes("admin:\n  port: 9000\n");
        assertThat(m).contains("missing required setting 'policy.file'", "missing required setting 'tls.certificate'",
                "missing required setting 'tls.private-key'", "missing required setting 'tls.client-ca'");
    }

    @Test
    void sectionGivenAsValueIsAnError() {
        assertThat(mistakes(REQUIRED + "admin: 9696\n")).contains("krypton.yaml:7: 'admin' is a section; expected a mapping with keys host, port");
    }

    @Test
    void duplicateKeysAndBrokenYamlAreRefused() {
        assertThat(mistakes(REQUIRED + "admin:\n  port: 1\n  port: 2\n")).contains("krypton.yaml:9: duplicate key 'admin.port'");
        assertThat(mistakes("tls: [unclosed\n")).contains("not valid YAML");
    }

    @Test
    void environmentOverridesSecretsAndTheValueNeverShowsInText() {
        ConfigValues c = ConfigReader.parse(REQUIRED, "krypton.yaml",
                Map.of("KRYPTON_AMQP_PASSWORD", "hunter2", "KRYPTON_STORAGE_PASSWORD", "pg-secret"));
        assertThat(c.string("orbital.amqp.password")).isEqualTo("hunter2");
        assertThat(c.string("storage.password")).isEqualTo("pg-secret");
        assertThat(c.toString()).doesNotContain("hunter2", "pg-secret");
    }

    @Test
    void valuesOfAMistakeAboutASecretAreNotNeededToExplainIt() {
        assertThatThrownBy(() -> ConfigReader.parse(REQUIRED + "orbital:\n  amqp:\n    password: [a]\n", "k.yaml", Map.of()))
                .hasMessageContaining("'orbital.amqp.password' must be a single value")
                .hasMessageNotContaining("[a]");
    }

    @Test
    void clusterDurationsTakeUnitsAndZero() {
        ConfigValues defaults = ConfigReader.parse(REQUIRED, "krypton.yaml", Map.of());
        assertThat(defaults.duration("cluster.revocation-staleness")).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(defaults.duration("cluster.poll-interval")).isEqualTo(java.time.Duration.ofMillis(500));
        assertThat(defaults.string("cluster.node-id")).isEmpty();
        ConfigValues c = ConfigReader.parse(REQUIRED + """
                cluster:
                  node-id: eu-1a
                  poll-interval: 250ms
                  revocation-staleness: 0
                  propagation-timeout: 2m
                """, "krypton.yaml", Map.of());
        assertThat(c.string("cluster.node-id")).isEqualTo("eu-1a");
        assertThat(c.duration("cluster.poll-interval")).isEqualTo(java.time.Duration.ofMillis(250));
        assertThat(c.duration("cluster.revocation-staleness")).isZero();
        assertThat(c.duration("cluster.propagation-timeout")).isEqualTo(java.time.Duration.ofMinutes(2));
    }

    @Test
    void aDurationWithoutUnitOrWithAWrongOneIsRefused() {
        assertThat(mistakes(REQUIRED + "cluster:\n  poll-interval: 5\n"))
                .contains("'cluster.poll-interval' must be a length of time such as 0, 500ms, 5s or 2m, not '5'");
        assertThat(mistakes(REQUIRED + "cluster:\n  revocation-staleness: 5 days\n"))
                .contains("'cluster.revocation-staleness' must be a length of time");
    }
}
