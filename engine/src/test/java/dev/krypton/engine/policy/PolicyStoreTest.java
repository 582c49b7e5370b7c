package dev.krypton.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.krypton.engine.Operation;
import dev.krypton.engine.Principal;
import dev.krypton.engine.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyStoreTest {

    @TempDir
    Path dir;

    private final List<String> rejected = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Policy> reloads = new LinkedBlockingQueue<>();
    private final PolicyStore.Listener listener = new PolicyStore.Listener() {
        @Override
        public void reloaded(Path file, Policy policy) {
            reloads.add(policy);
        }

        @Override
        public void rejected(Path file, String message) {
            rejected.add(message);
        }
    };

    private static final String GW1 = "grants: [{principal: gw-1, tenants: [acme], operations: [decrypt]}]\n";
    private static final String GW2 = "grants: [{principal: gw-2, tenants: [acme], operations: [decrypt]}]\n";

    private boolean allowed(PolicyStore s, String principal) {
        return s.get().allows(Principal.of(principal), TenantId.of("acme"), Operation.DECRYPT);
    }

    @Test
    void explicitReloadReplacesThePolicy() throws IOException {
        Path f = Files.writeString(dir.resolve("policy.yaml"), GW1);
        try (PolicyStore s = PolicyStore.load(f, listener)) {
            assertThat(allowed(s, "gw-1")).isTrue();
            Files.writeString(f, GW2);
            s.reload();
            assertThat(allowed(s, "gw-1")).isFalse();
            assertThat(allowed(s, "gw-2")).isTrue();
        }
    }

    @Test
    void invalidFileIsRejectedAndTheOldPolicyStaysInForce() throws IOException {
        Path f = Files.writeString(dir.resolve("policy.yaml"), GW1);
        try (PolicyStore s = PolicyStore.load(f, listener)) {
            Files.writeString(f, "grants: [{principal: gw-2, tenants: [acme], operations: [decript]}]\n");
            assertThatThrownBy(s::reload).hasMessageContaining("policy.yaml")
                    .hasMessageContaining("grants[0].operations[0]: unknown operation 'decript'");
            assertThat(allowed(s, "gw-1")).isTrue();
            assertThat(rejected).hasSize(1);
        }
    }

    @Test
    void reloadsAreAudited() throws IOException {
        List<dev.krypton.engine.audit.AuditEvent> events = new CopyOnWriteArrayList<>();
        dev.krypton.engine.audit.AuditSink sink = new dev.krypton.engine.audit.AuditSink() {
            @Override
            public void record(dev.krypton.engine.audit.AuditEvent event) {
                events.add(event);
            }

            @Override
            public void recordDurably(dev.krypton.engine.audit.AuditEvent event) {
                events.add(event);
            }
        };
        Path f = Files.writeString(dir.resolve("policy.yaml"), GW1);
        try (PolicyStore s = PolicyStore.load(f, new PolicyAudit(sink))) {
            s.reload();
            Files.writeString(f, "grants: 7");
            assertThatThrownBy(s::reload).isInstanceOf(dev.krypton.engine.EngineException.class);
        }
        assertThat(events).extracting(dev.krypton.engine.audit.AuditEvent::result).containsExactly("ok", "INVALID_ARGUMENT");
    }

    @Test
    void invalidFileAtStartFails() throws IOException {
        Path f = Files.writeString(dir.resolve("policy.json"), "{\"grants\": 3}");
        assertThatThrownBy(() -> PolicyStore.load(f, listener)).hasMessageContaining("grants: must be a list");
    }

    @Test
    void watchReloadsWhenTheFileChanges() throws Exception {
        Path f = Files.writeString(dir.resolve("policy.yaml"), GW1);
        try (PolicyStore s = PolicyStore.load(f, listener)) {
            s.watch();
            Files.writeString(f, GW2);
            boolean seen = false;
            for (Policy next; !seen && (next = reloads.poll(30, TimeUnit.SECONDS)) != null; ) {
                seen = next.allows(Principal.of("gw-2"), TenantId.of("acme"), Operation.DECRYPT);
            }
            assertThat(seen).as("a reload allowing gw-2 within 30 s").isTrue();
            assertThat(allowed(s, "gw-2")).isTrue();
        }
    }
}
