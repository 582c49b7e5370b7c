package dev.krypton.kmip.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.kmip.attribute.CryptographicParameters;
import dev.krypton.kmip.client.KmipClient;
import dev.krypton.kmip.message.Bytes;
import dev.krypton.kmip.message.ProtocolVersion;
import dev.krypton.kmip.message.RequestMessage;
import dev.krypton.kmip.message.ResponseMessage;
import dev.krypton.kmip.payload.RngRetrieve;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Pipelined requests come back in order; many connections are served at once. */
class ConcurrencyTest {

    static ServerFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new ServerFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void pipelinedRequestsOnOneConnectionAreAnsweredInOrder() {
        KmipClient client = fixture.client("acme").client();
        List<RequestMessage> requests = new ArrayList<>();
        for (int n = 1; n <= 64; n++) {
            requests.add(RequestMessage.of(ProtocolVersion.V1_4, new RngRetrieve.Request(n)));
        }
        List<ResponseMessage> responses = client.pipeline(requests);
        for (int n = 1; n <= 64; n++) {
            var payload = KmipClient.payloadOf(responses.get(n - 1).batchItems().getFirst(), RngRetrieve.Response.class);
            assertThat(payload.data().length()).isEqualTo(n);
        }
    }

    @Test
    void eightConnectionsWrapAndUnwrapConcurrently() throws Exception {
        String kek = KekOperationsTest.createKek(fixture.client("acme"), "shared");
        var gcm = CryptographicParameters.aesGcm(16);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                var ops = fixture.client("acme");
                byte tag = (byte) t;
                results.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < 50; i++) {
                        byte[] dek = new byte[32];
                        java.util.Arrays.fill(dek, tag);
                        dek[0] = (byte) i;
                        var enc = ops.encrypt(kek, gcm, Bytes.of(dek), Optional.empty(), Optional.empty());
                        byte[] back = ops.decrypt(kek, gcm, enc.data().orElseThrow(), enc.ivCounterNonce(), Optional.empty(),
                                enc.tag()).toByteArray();
                        ok += java.util.Arrays.equals(back, dek) ? 1 : 0;
                    }
                    return ok;
                }));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get()).isEqualTo(50);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
