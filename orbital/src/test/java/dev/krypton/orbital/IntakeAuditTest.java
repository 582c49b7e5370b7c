package dev.krypton.orbital;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.engine.audit.AuditEvent;
import dev.krypton.engine.audit.AuditKind;
import dev.krypton.engine.audit.AuditSink;
import dev.krypton.storage.tck.MemoryStorage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntakeAuditTest {

    private final List<AuditEvent> durable = new ArrayList<>();
    private final List<AuditEvent> queued = new ArrayList<>();
    private final AuditSink sink = new AuditSink() {
        @Override
        public void record(AuditEvent event) {
            queued.add(event);
        }

        @Override
        public void recordDurably(AuditEvent event) {
            durable.add(event);
        }
    };

    @Test
    void refusalsAreDurableDenialsAndProcessedTasksAreCommands() {
        TaskProcessor processor = new TaskProcessor(new FakeEngine(), new MemoryStorage(), SignatureCheck.off(),
                IntakeAudit.to(sink), 30, Clock.systemUTC());
        var bad = Tasks.link("acme", "key-1").toBuilder().setType("EXFILTRATE\nforged log line").build();
        processor.process(bad);
        var link = Tasks.link("acme", "key-1");
        processor.process(link);
        assertThat(durable).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(AuditKind.DENIAL);
            assertThat(e.object()).isEqualTo(bad.getTaskId());
            assertThat(e.action()).isEqualTo("EXFILTRATE?forged log line");
        });
        assertThat(queued).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(AuditKind.COMMAND);
            assertThat(e.tenant()).isEqualTo("acme");
            assertThat(e.result()).isEqualTo("DONE");
        });
    }
}
