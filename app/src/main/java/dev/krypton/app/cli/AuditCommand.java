package dev.krypton.app.cli;

import dev.krypton.app.AppException;
import dev.krypton.engine.EngineException;
import dev.krypton.engine.audit.AuditExpectation;
import dev.krypton.engine.audit.AuditKeys;
import dev.krypton.engine.audit.AuditVerification;
import dev.krypton.engine.audit.AuditVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;

/**
 * {@code krypton audit verify FILE}: checks the hash chain and signed checkpoints of an audit log,
 * and, from what the operator kept outside the node, that the log was not cut short.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Audit log tools.")
public final class AuditCommand {

    @Spec
    private CommandSpec spec;

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify the hash chain and signed checkpoints, and that the log reaches what you expect"
                    + " (the last 'audit checkpoint SEQ:HASH' the node logged, or a line count);"
                    + " exit 0 only if intact, sealed and not truncated.")
    int verify(@Parameters(paramLabel = "FILE", description = "The audit log.") Path file,
               @Option(names = "--public-key", required = true, description = "The node's audit-signing.pub.") Path key,
               @Option(names = "--expect-checkpoint", paramLabel = "SEQ:HASH",
                       description = "A checkpoint the log must hold, as the node logged it"
                               + " ('audit checkpoint SEQ:HASH'); use the latest one shipped off the node.")
               String checkpoint,
               @Option(names = "--expect-at-least", paramLabel = "LINES",
                       description = "The log must hold at least this many lines.") Long atLeast) {
        if (checkpoint == null && atLeast == null) {
            throw AppException.usage("say where the log must reach: --expect-checkpoint SEQ:HASH (the last"
                    + " 'audit checkpoint' line the node logged) or --expect-at-least LINES; a log cut right after"
                    + " a checkpoint is a valid chain, so without one a truncation cannot be found");
        }
        AuditVerification v;
        try {
            AuditExpectation expected = AuditExpectation.none();
            if (atLeast != null) {
                expected = expected.and(AuditExpectation.atLeast(atLeast));
            }
            if (checkpoint != null) {
                expected = expected.and(AuditExpectation.checkpoint(checkpoint));
            }
            v = new AuditVerifier(AuditKeys.readPublic(key)).verify(file, expected);
        } catch (EngineException e) {
            throw AppException.usage(e.getMessage());
        }
        spec.commandLine().getOut().println(v.summary());
        return v.sealed() ? 0 : 1;
    }
}
