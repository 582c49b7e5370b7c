package dev.krypton.app.cli;

import dev.krypton.app.node.DevPki;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;

/** {@code krypton pki init|issue-client NAME}: the development PKI (uses the openssl command). */
@Command(name = "pki", mixinStandardHelpOptions = true, description = "Development certificates.")
public final class PkiCommand {

    @Option(names = "--dir", defaultValue = "krypton-dev/pki", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "PKI folder (default: ${DEFAULT-VALUE}).")
    private Path dir;

    @Spec
    private CommandSpec spec;

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Create the CA, server, Orbital and gateway certificates if missing.")
    int init() {
        DevPki pki = DevPki.init(dir);
        spec.commandLine().getOut().println("PKI ready in " + pki.dir() + " (CA " + pki.ca() + ")");
        return 0;
    }

    @Command(name = "issue-client", mixinStandardHelpOptions = true,
            description = "Issue a client certificate with subject CN NAME (a tenant id for the upstream policy).")
    int issueClient(@Parameters(paramLabel = "NAME", description = "Common name.") String name) {
        DevPki pki = DevPki.init(dir);
        Path cert = pki.issueClient(name);
        spec.commandLine().getOut().println("issued " + cert + " with key " + pki.key(name));
        return 0;
    }
}
