package dev.krypton.kmip.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.crypto.CryptoEngines;
import dev.krypton.engine.Engine;
import dev.krypton.engine.audit.AuditEvent;
import dev.krypton.engine.audit.AuditSink;
import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.attribute.CryptographicParameters;
import dev.krypton.kmip.client.KmipOperations;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.rootkey.tck.FakeRootKeyProvider;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A node that restarts serves KMIP at once; a tenant that is ACTIVE in storage but whose keys are
 * not unsealed yet gets Operation Failed / General Failure with the retry message (never
 * Permission Denied, never a wrong answer), and the same request succeeds once it is unsealed.
 */
class StartupRetryTest {

    private static final AuditSink QUIET = new AuditSink() {
        @Override
        public void record(AuditEvent event) {
        }

        @Override
        public void recordDurably(AuditEvent event) {
        }
    };

    @Test
    void tenantNotYetUnsealedIsRefusedAsRetryableThenServed() throws Exception {
        try (var fixture = new ServerFixture()) {
            KmipOperations first = fixture.client("acme");
            String kek = KekOperationsTest.createKek(first, "survives-restart");
            var gcm = CryptographicParameters.aesGcm(16);
            byte[] dek = new byte[32];
            dek[0] = 42;
            var enc = first.encrypt(kek, gcm, Bytes.of(dek), Optional.empty(), Optional.empty());

            fixture.kms.hang();
            try (Engine restarted = Engine.builder().storage(fixture.storage).memory(fixture.memory)
                    .crypto(CryptoEngines.select()).rootKeyProviders(List.of(new FakeRootKeyProvider(fixture.kms)))
                    .policy(() -> fixture.policy).audit(QUIET).manualHealthChecks().build()) {
                restarted.start();
                try (KmipServer server = fixture.serve(restarted)) {
                    KmipOperations acme = fixture.client("acme", server.port());
                    assertThat(restarted.startupProgress().pending()).isEqualTo(2);
                    assertThatThrownBy(() -> acme.decrypt(kek, gcm, enc.data().orElseThrow(), enc.ivCounterNonce(),
                            Optional.empty(), enc.tag())).isInstanceOfSatisfying(KmipException.class, e -> {
                                assertThat(e.reason()).isEqualTo(ResultReason.GENERAL_FAILURE);
                                assertThat(e.getMessage()).contains(Failures.RETRY_MESSAGE);
                            });
                    assertThatThrownBy(() -> acme.encrypt(kek, gcm, Bytes.of(dek), Optional.empty(), Optional.empty()))
                            .isInstanceOfSatisfying(KmipException.class,
                                    e -> assertThat(e.reason()).isEqualTo(ResultReason.GENERAL_FAILURE));

                    fixture.kms.release();
                    assertThat(restarted.awaitStartup(Duration.ofSeconds(30))).isTrue();
                    Bytes plain = acme.decrypt(kek, gcm, enc.data().orElseThrow(), enc.ivCounterNonce(), Optional.empty(),
                            enc.tag());
                    assertThat(plain.toByteArray()).isEqualTo(dek);
                }
            }
        }
    }
}
