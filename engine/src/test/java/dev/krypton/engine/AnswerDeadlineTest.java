package dev.krypton.engine;

import static dev.krypton.engine.Member.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.rootkey.tck.FakeRootKeys;
import dev.krypton.storage.tck.MemoryStorage;
import dev.krypton.storage.tck.OutageStorage.Call;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The serving check at both ends of an operation: a request that passed it and then waited on
 * storage answers with key material or a plaintext only if, when its answer is ready, the node is
 * still within its confirmed window and the tenant still has the runtime it started with; and no
 * request waits on storage longer than the request budget. Each request here is held inside a real
 * engine by a store that blocks one call ({@link HoldingStorage}) while the test changes the world.
 */
class AnswerDeadlineTest {

    private static final Duration STALENESS = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(100);
    /** Generous bound for an answer that must come without waiting for the held call (not a timing claim). */
    private static final long ANSWER_SECONDS = 20;

    private final byte[] plaintext = new byte[32];

    AnswerDeadlineTest() {
        new SecureRandom().nextBytes(plaintext);
    }

    @Test
    void aDecryptHeldInAStorageReadAcrossTheLossOfConfirmationReturnsNoPlaintext() throws Exception {
        HoldingStorage store = new HoldingStorage(new MemoryStorage());
        ClusterOptions options = ClusterOptions.of("held-node").withPollInterval(POLL).withStaleness(STALENESS)
                .withRequestBudget(STALENESS.minusMillis(100));
        try (Member node = new Member(store, new FakeRootKeys(), options)) {
            Keyed k = tenantKey(node, "acme");
            assertThat(decrypt(node, k)).isEqualTo(plaintext);

            store.down(Call.TENANT_GENERATIONS, Call.HEARTBEATS);
            Thread.sleep(STALENESS.toMillis() / 2);
            assertThat(node.engine.serving()).as("still within the window the last poll confirmed").isTrue();
            store.holdRead(k.uid());
            CompletableFuture<byte[]> held = CompletableFuture.supplyAsync(() -> decrypt(node, k));
            store.awaitHeld();
            eventually("the node's confirmed window ends while the decrypt waits", () -> !node.engine.serving());
            store.release();

            assertThat(code(held)).as("no plaintext once the window has ended").isEqualTo(ErrorCode.UNAVAILABLE);
            assertThat(node.audit.events).anyMatch(e -> e.action().equals("DECRYPT") && e.result().equals("UNAVAILABLE"));
        }
    }

    @Test
    void aGetHeldInAStorageReadAcrossAnUnlinkAndARelinkReturnsNoKeyMaterial() throws Exception {
        HoldingStorage store = new HoldingStorage(new MemoryStorage());
        ClusterOptions options = ClusterOptions.of("relinked-node").withPollInterval(POLL).withStaleness(STALENESS)
                .withRequestBudget(STALENESS.minusMillis(100));
        try (Member node = new Member(store, new FakeRootKeys(), options)) {
            Keyed k = tenantKey(node, "globex");
            store.holdRead(k.uid());
            CompletableFuture<byte[]> held = CompletableFuture.supplyAsync(
                    () -> node.ops.material(Principal.of("globex"), k.uid()).copy());
            store.awaitHeld();
            node.commands.execute(new TenantCommand.Unlink(TenantId.of("globex")));
            node.commands.execute(new TenantCommand.Link(TenantId.of("globex"), Member.ROOT_KEY));
            store.release();

            assertThat(code(held)).as("the key material of a runtime that was wiped meanwhile never leaves")
                    .isIn(ErrorCode.UNAVAILABLE, ErrorCode.PERMISSION_DENIED);
            assertThat(node.ops.material(Principal.of("globex"), k.uid()).copy()).as("a retry sees the tenant as it is")
                    .hasSize(32);
        }
    }

    @Test
    void aRequestWhoseStorageReadHangsGetsTheRetryableRefusalWithoutWaitingForIt() throws Exception {
        HoldingStorage store = new HoldingStorage(new MemoryStorage());
        ClusterOptions options = ClusterOptions.of("hung-node").withPollInterval(POLL).withStaleness(STALENESS);
        try (Member node = new Member(store, new FakeRootKeys(), options)) {
            Keyed k = tenantKey(node, "initech");
            store.holdRead(k.uid());
            CompletableFuture<byte[]> hung = CompletableFuture.supplyAsync(() -> decrypt(node, k));
            store.awaitHeld();
            try {
                assertThat(code(hung)).as("refused within the request budget (%s), while the read still hangs",
                        options.requestBudget()).isEqualTo(ErrorCode.UNAVAILABLE);
            } finally {
                store.release();
            }
            assertThat(decrypt(node, k)).as("served again once storage answers").isEqualTo(plaintext);
        }
    }

    @Test
    void aNodeOutsideItsWindowRefusesTheAttributeReadOfEncryptAndDecryptBeforeTouchingStorage() throws Exception {
        HoldingStorage store = new HoldingStorage(new MemoryStorage());
        ClusterOptions options = ClusterOptions.of("stale-node").withPollInterval(POLL).withStaleness(STALENESS);
        try (Member node = new Member(store, new FakeRootKeys(), options)) {
            Keyed k = tenantKey(node, "umbrella");
            store.down(Call.TENANT_GENERATIONS, Call.HEARTBEATS);
            eventually("the node stops serving", () -> !node.engine.serving());
            store.holdRead(k.uid());
            CompletableFuture<Object> read = CompletableFuture.supplyAsync(
                    () -> node.ops.attributesForUse(Principal.of("umbrella"), k.uid(), Operation.DECRYPT));
            try {
                assertThat(code(read)).as("refused by the serving check, not by a storage read that hangs")
                        .isEqualTo(ErrorCode.UNAVAILABLE);
            } finally {
                store.release();
            }
        }
    }

    /** A tenant's AES key (extractable) and a GCM ciphertext of {@link #plaintext} under it. */
    private record Keyed(String tenant, String uid, EncryptResult sealed) {
    }

    private Keyed tenantKey(Member node, String tenant) {
        node.commands.execute(new TenantCommand.Link(TenantId.of(tenant), Member.ROOT_KEY));
        ManagedObject key = node.ops.create(Principal.of(tenant), TenantId.of(tenant),
                new ObjectTemplate(List.of("k"), "AES", 256, Set.of(KeyUsage.ENCRYPT, KeyUsage.DECRYPT), false, true,
                        Map.of(), true));
        EncryptResult sealed = node.ops.encrypt(Principal.of(tenant), EncryptRequest.gcm(key.uid(), plaintext, new byte[0]));
        return new Keyed(tenant, key.uid(), sealed);
    }

    private static byte[] decrypt(Member node, Keyed k) {
        return node.ops.decrypt(Principal.of(k.tenant()), DecryptRequest.of(k.sealed(), CipherMode.GCM, new byte[0]));
    }

    /** The engine's refusal of the request; fails if it answered or did not answer within {@link #ANSWER_SECONDS}. */
    private static ErrorCode code(CompletableFuture<?> request) throws Exception {
        try {
            Object answer = request.get(ANSWER_SECONDS, TimeUnit.SECONDS);
            throw new AssertionError("answered instead of refusing: " + (answer instanceof byte[] b ? b.length + " bytes" : answer));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof EngineException ee) {
                return ee.code();
            }
            throw e;
        }
    }
}
