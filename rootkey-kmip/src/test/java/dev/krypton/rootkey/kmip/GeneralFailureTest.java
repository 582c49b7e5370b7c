package dev.krypton.rootkey.kmip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.crypto.CryptoEngines;
import dev.krypton.crypto.SecureMemory;
import dev.krypton.kmip.State;
import dev.krypton.rootkey.Failure;
import dev.krypton.rootkey.KeyServices;
import dev.krypton.rootkey.RootKey;
import dev.krypton.rootkey.RootKeyBlob;
import dev.krypton.rootkey.RootKeyException;
import dev.krypton.rootkey.RootKeyRef;
import dev.krypton.rootkey.WrapContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Decrypt answered with General Failure is DENIED only when the key then round-trips a test
 * block; a server in trouble (every request General Failure) must stay UNAVAILABLE, so a sick
 * server never revokes a tenant. Against {@link KwpKmipServer}, whose failures the test controls.
 */
class GeneralFailureTest {

    private static final WrapContext CTX = WrapContext.tenant("tenant-a");

    @Test
    void serverInTroubleIsUnavailableNotDenied(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.create(dir);
        try (KwpKmipServer server = new KwpKmipServer(pki);
             SecureMemory memory = SecureMemory.open(SecureMemory.Options.defaults())) {
            String id = server.create(State.ACTIVE);
            RootKeyRef ref = RootKeyRef.of(KmipRootKeyProvider.NAME, id, KwpConformanceTest.access(pki, server.port()));
            try (RootKey key = new KmipRootKeyProvider().open(ref, new KeyServices(memory, CryptoEngines.select()))) {
                RootKeyBlob blob = key.wrap(memory.random(32), CTX);
                server.sick = true;
                assertThatThrownBy(() -> key.unwrap(blob, CTX)).isInstanceOfSatisfying(RootKeyException.class, e -> {
                    assertThat(e.failure()).as(e.getMessage()).isEqualTo(Failure.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("General Failure", "server in trouble");
                });
                assertThatThrownBy(() -> key.probe(CTX)).isInstanceOfSatisfying(RootKeyException.class,
                        e -> assertThat(e.failure()).isEqualTo(Failure.UNAVAILABLE));
                server.sick = false;
                key.unwrap(blob, CTX).wipe();
            }
        }
    }
}
