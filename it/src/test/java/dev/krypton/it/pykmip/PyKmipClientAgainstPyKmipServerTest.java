package dev.krypton.it.pykmip;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.krypton.it.TestPki;
import dev.krypton.testsupport.PyKmipServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PyKMIP-client gateway flow against the PyKMIP server itself: proves the script and its
 * result reporting on a client and server nobody here wrote, before the same flow is aimed at
 * Krypton. PyKMIP's server has no NISTKeyWrap and no ReKey, so this run uses AES-CBC and records
 * ReKey as Operation Not Supported.
 */
class PyKmipClientAgainstPyKmipServerTest {
    @TempDir
    Path dir;

    @Test
    void gatewayLifecycleAndOwnerIsolationOnThePyKmipServer() throws Exception {
        PyKmipServer.assumePyKmipInstalled();
        TestPki pki = TestPki.create(dir, List.of("gateway-a", "gateway-b"));
        var gateway = new PyKmipGateway(dir, pki);
        JsonNode owner;
        JsonNode intruder;
        try (var server = PyKmipServer.start(pki.cert("server"), pki.key("server"), pki.caCert(), dir)) {
            owner = gateway.run(server.port(), "gateway-a", "cbc");
            intruder = gateway.run(server.port(), "gateway-b", "intruder", owner.path("victim_uid").asText());
        }
        assertThat(owner.path("versions").toString()).contains("\"1.2\"");
        assertThat(owner.path("operations").toString()).contains("CREATE", "LOCATE", "ENCRYPT", "DECRYPT", "DESTROY");
        assertThat(owner.path("located").get(0).asText()).isEqualTo(owner.path("uid").asText());
        assertThat(owner.path("state_created").asText()).isEqualTo("PRE_ACTIVE");
        assertThat(owner.path("state_activated").asText()).isEqualTo("ACTIVE");
        assertThat(owner.path("wrapped_length").asInt()).isEqualTo(48);
        assertThat(owner.path("roundtrip").asBoolean()).isTrue();
        assertThat(owner.path("rekey_uid_error").asText()).isEqualTo("OPERATION_NOT_SUPPORTED");
        assertThat(owner.path("state_revoked").asText()).isEqualTo("DEACTIVATED");
        assertThat(owner.path("destroyed").asBoolean()).isTrue();
        assertThat(owner.path("get_after_destroy_error").asText()).isEqualTo("ITEM_NOT_FOUND");
        for (String step : List.of("get_attributes", "get", "encrypt", "activate", "revoke", "destroy")) {
            assertThat(intruder.path(step + "_error").asText()).as(step).isEqualTo("PERMISSION_DENIED");
        }
    }
}
