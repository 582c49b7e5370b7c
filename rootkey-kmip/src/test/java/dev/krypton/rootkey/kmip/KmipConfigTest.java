package dev.krypton.rootkey.kmip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.crypto.CryptoEngines;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.rootkey.KeyServices;
import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.RootKeyProviders;
import dev.krypton.rootkey.RootKeyRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Access metadata parsing: defaults, and one DENIED error for each bad entry. */
class KmipConfigTest {

    private static final Map<String, String> BASE = Map.of("host", "kms.example", "client-cert", "/c.pem",
            "client-key", "/c.key", "ca-file", "/ca.pem");

    private static RootKeyRef ref(String keyVersion, Map<String, String> changes) {
        Map<String, String> access = new HashMap<>(BASE);
        access.putAll(changes);
        access.values().removeIf(String::isEmpty);
        return new RootKeyRef(KmipRootKeyProvider.NAME, "4f1c-uid", keyVersion, access);
    }

    @Test
    void defaultsAreGcmWithClientIvOverKmip14() {
        KmipConfig c = KmipConfig.from(ref("", Map.of()));
        assertThat(c.port()).isEqualTo(5696);
        assertThat(c.mode()).isEqualTo(WrapMode.GCM);
        assertThat(c.serverIv()).isFalse();
        assertThat(c.version()).isEqualTo(ProtocolVersion.V1_4);
        assertThat(c.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(c.cipherSuites()).isEmpty();
        assertThat(c.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.verifyHostname()).isTrue();
        assertThat(c.clientKey()).isEqualTo(Path.of("/c.key"));
    }

    @Test
    void listsAndModesAreParsed() {
        KmipConfig c = KmipConfig.from(ref("", Map.of("tls-protocols", "TLSv1.2", "cipher-suites", " A , B ", "mode", "kwp",
                "kmip-version", "1.2", "port", "15696", "verify-hostname", "false")));
        assertThat(c.cipherSuites()).isEqualTo(List.of("A", "B"));
        assertThat(c.mode()).isEqualTo(WrapMode.KWP);
        assertThat(c.version()).isEqualTo(ProtocolVersion.V1_2);
        assertThat(c.port()).isEqualTo(15696);
        assertThat(c.verifyHostname()).isFalse();
    }

    @Test
    void badEntriesAreDenied() {
        List<Map<String, String>> bad = List.of(Map.of("colour", "blue"), Map.of("host", ""), Map.of("client-key", ""),
                Map.of("ca-file", ""), Map.of("port", "0"), Map.of("port", "x"), Map.of("mode", "cbc"), Map.of("iv", "random"),
                Map.of("mode", "kwp", "iv", "server"), Map.of("kmip-version", "3.0"), Map.of("kmip-version", "1.2"),
                Map.of("timeout-ms", "0"), Map.of("max-connections", "1000"), Map.of("verify-hostname", "yes"));
        for (Map<String, String> changes : bad) {
            assertThatThrownBy(() -> KmipConfig.from(ref("", changes))).as(changes.toString())
                    .isInstanceOfSatisfying(RootKeyException.class, e -> assertThat(e.isDenied()).isTrue());
        }
        assertThatThrownBy(() -> KmipConfig.from(ref("2", Map.of()))).isInstanceOfSatisfying(RootKeyException.class,
                e -> assertThat(e.getMessage()).contains("no versions"));
    }

    @Test
    void unreadableCertificateFilesAreDeniedAtOpen() {
        try (SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults())) {
            KeyServices services = new KeyServices(memory, CryptoEngines.select());
            assertThatThrownBy(() -> RootKeyProviders.open(ref("", Map.of()), services, getClass().getClassLoader()))
                    .isInstanceOfSatisfying(RootKeyException.class, e -> {
                        assertThat(e.isDenied()).isTrue();
                        assertThat(e.getMessage()).contains("client-cert");
                    });
        }
    }
}
