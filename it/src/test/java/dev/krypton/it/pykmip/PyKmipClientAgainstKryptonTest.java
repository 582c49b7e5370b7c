package dev.krypton.it.pykmip;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.krypton.it.KryptonServer;
import dev.krypton.it.TestPki;
import dev.krypton.testsupport.PyKmipServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway built on the PyKMIP client against Krypton: the whole key lifecycle with NISTKeyWrap
 * (the PyKMIP client has no AEAD fields) on a tenant key, an L3 KEK wrapped with, re-keyed and
 * still unwrapping under its old version, then a second tenant's principal trying to use, change
 * or destroy the first one's key, which must be Permission Denied every time.
 */
class PyKmipClientAgainstKryptonTest {
    @TempDir
    Path dir;

    @Test
    void gatewayLifecycleWithNistKeyWrapAndTenantIsolation() throws Exception {
        PyKmipServer.assumePyKmipInstalled();
        TestPki pki = TestPki.create(dir, List.of("acme", "globex"));
        var gateway = new PyKmipGateway(dir, pki);
        JsonNode owner;
        JsonNode intruder;
        try (var server = KryptonServer.start(pki)) {
            owner = gateway.run(server.port(), "acme", "owner");
            intruder = gateway.run(server.port(), "globex", "intruder", owner.path("victim_uid").asText());
        }
        System.out.println("PyKMIP client against Krypton, owner: " + owner + "\nintruder: " + intruder);
        assertThat(owner.path("versions").toString()).contains("\"1.2\"");
        assertThat(owner.path("operations").toString()).contains("CREATE", "LOCATE", "ENCRYPT", "DECRYPT", "REKEY", "DESTROY");
        assertThat(owner.path("located").get(0).asText()).isEqualTo(owner.path("uid").asText());
        assertThat(owner.path("state_created").asText()).isEqualTo("PRE_ACTIVE");
        assertThat(owner.path("state_activated").asText()).isEqualTo("ACTIVE");
        assertThat(owner.path("wrapped_length").asInt()).isEqualTo(40);
        assertThat(owner.path("wrapped_differs").asBoolean()).isTrue();
        assertThat(owner.path("roundtrip").asBoolean()).isTrue();
        assertThat(owner.has("tampered_roundtrip")).isFalse();
        assertThat(owner.path("tampered_roundtrip_error").asText()).isEqualTo("CRYPTOGRAPHIC_FAILURE");
        assertThat(owner.path("kek_state").asText()).isEqualTo("ACTIVE");
        assertThat(owner.path("kek_wrapped_length").asInt()).isEqualTo(40);
        assertThat(owner.path("rekey_uid").asText()).isNotEmpty().isNotEqualTo(owner.path("kek_uid").asText());
        assertThat(owner.path("old_wrapped_after_rekey").asBoolean()).isTrue();
        assertThat(owner.path("new_version_roundtrip").asBoolean()).isTrue();
        assertThat(owner.path("revoked").asBoolean()).isTrue();
        assertThat(owner.path("destroyed").asBoolean()).isTrue();
        assertThat(owner.path("get_after_destroy_error").asText()).isNotEmpty();
        for (String step : List.of("get_attributes", "get", "encrypt", "activate", "revoke", "destroy")) {
            assertThat(intruder.path(step + "_error").asText()).as(step).isEqualTo("PERMISSION_DENIED");
        }
    }
}
