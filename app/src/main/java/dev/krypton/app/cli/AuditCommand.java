package dev.krypton.app.cli;

import dev.krypton.app.AppException;
import dev.krypton.engine.EngineException;
import dev.krypton.engine.audit.AuditKeys;
import dev.krypton.engine.audit.AuditVerification;
import dev.krypton.engine.audit.AuditVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;

/** {@code krypton audit verify FILE}: checks the hash chain and signed checkpoints of an audit log. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Audit log tools.")
public final class AuditCommand {

    @Spec
    private CommandSpec spec;

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify the hash chain and signed checkpoints; exit 0 only if intact and sealed.")
    int verify(@Parameters(paramLabel = "FILE", description = "The audit log.") Path file,
               @Option(names = "--public-key", required = true, description = "The node's audit-signing.pub.") Path key) {
        AuditVerification v;
        try {
            v = new AuditVerifier(AuditKeys.readPublic(key)).verify(file);
        } catch (EngineException e) {
            throw AppException.usage(e.getMessage());
        }
        spec.commandLine().getOut().println(v.intact()
                ? "intact: " + v.lines() + " lines, " + v.checkpoints() + " checkpoints, " + v.uncovered()
                        + " lines after the last checkpoint"
                : "TAMPERED at line " + v.problemLine() + ": " + v.problem());
        return v.sealed() ? 0 : 1;
    }
}
