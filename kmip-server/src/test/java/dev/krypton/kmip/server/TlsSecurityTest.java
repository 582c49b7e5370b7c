package dev.krypton.kmip.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestMessage;
import dev.krypton.kmip.payload.DiscoverVersions;
import dev.krypton.kmip.payload.RngRetrieve;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who gets in: only a client with a valid, unrevoked certificate from the configured CA that
 * allows client authentication. A refused client never receives a KMIP response.
 */
class TlsSecurityTest {

    static ServerFixture fixture;
    static final RequestMessage DISCOVER = RequestMessage.of(ProtocolVersion.V1_4, new DiscoverVersions.Request(List.of()));

    @BeforeAll
    static void start() {
        fixture = new ServerFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    /** True when the server answered a Discover Versions sent with this certificate. */
    static boolean answered(ServerFixture f, Optional<TestPki.Issued> certificate) {
        try (var socket = f.rawSocket(certificate)) {
            socket.startHandshake();
            RawKmip.write(socket, RawKmip.frame(DISCOVER));
            return RawKmip.read(socket).map(r -> r.batchItems().getFirst().isSuccess()).orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aValidClientCertificateIsServed() {
        assertThat(answered(fixture, Optional.of(fixture.pki.client("acme")))).isTrue();
    }

    @Test
    void noClientCertificateIsRefused() {
        assertThat(answered(fixture, Optional.empty())).isFalse();
    }

    @Test
    void aCertificateFromAnotherCaIsRefused() {
        assertThat(answered(fixture, Optional.of(new TestPki("krypton-test-ca").client("acme")))).isFalse();
    }

    @Test
    void anExpiredCertificateIsRefused() {
        var expired = fixture.pki.issue("acme", List.of(KeyPurposeId.id_kp_clientAuth), List.of(),
                Instant.now().minus(Duration.ofDays(3)), Instant.now().minus(Duration.ofDays(1)));
        assertThat(answered(fixture, Optional.of(expired))).isFalse();
    }

    @Test
    void aRevokedCertificateIsRefused() {
        assertThat(answered(fixture, Optional.of(fixture.revokedAcme))).isFalse();
    }

    @Test
    void aServerAuthOnlyCertificateIsRefused() {
        var serverOnly = fixture.pki.issue("acme", List.of(KeyPurposeId.id_kp_serverAuth), List.of(),
                Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(1)));
        assertThat(answered(fixture, Optional.of(serverOnly))).isFalse();
    }

    @Test
    void sanUriIdentityServesACertificateWithTheUriAndClosesOneWithout() {
        try (var f = new ServerFixture(c -> new ServerConfig(c.host(), c.port(), c.tls(), new IdentityRule.SanUri("spiffe://"),
                c.limits()))) {
            var spiffe = f.pki.issue("gateway", List.of(KeyPurposeId.id_kp_clientAuth),
                    List.of(new GeneralName(GeneralName.uniformResourceIdentifier, "spiffe://krypton.test/gateway")),
                    Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(1)));
            assertThat(answered(f, Optional.of(spiffe))).isTrue();
            assertThat(answered(f, Optional.of(f.pki.client("acme")))).isFalse();
            var rng = f.client(spiffe, ProtocolVersion.V1_4).rngRetrieve(4);
            assertThat(rng.length()).isEqualTo(4);
        }
    }

    @Test
    void connectionsBeyondTheLimitAreClosed() throws Exception {
        try (var f = new ServerFixture(c -> c.withLimits(c.limits().withMaxConnections(1)))) {
            try (var first = f.rawSocket(Optional.of(f.pki.client("acme")))) {
                assertThat(RawKmip.exchange(first, DISCOVER).batchItems().getFirst().isSuccess()).isTrue();
                assertThat(answered(f, Optional.of(f.pki.client("acme")))).isFalse();
                assertThat(RawKmip.exchange(first, RequestMessage.of(ProtocolVersion.V1_4, new RngRetrieve.Request(4)))
                        .batchItems().getFirst().isSuccess()).isTrue();
            }
        }
    }
}
