package dev.krypton.app;

import dev.krypton.app.cli.AuditCommand;
import dev.krypton.app.cli.ClusterCommand;
import dev.krypton.app.cli.DemoCommand;
import dev.krypton.app.cli.DevCommand;
import dev.krypton.app.cli.KmipCommand;
import dev.krypton.app.cli.PkiCommand;
import dev.krypton.app.cli.ServeCommand;
import dev.krypton.app.cli.StatusCommand;
import dev.krypton.app.cli.TaskCommand;
import dev.krypton.app.logging.Logging;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * Entry point of the {@code krypton} command. Exit codes scripts can rely on: 0 success, 1 the
 * command failed, 2 a usage or configuration mistake, 3 a KMIP server answered with a failure,
 * 4 a server could not be reached (connection, TLS handshake, unreadable answer).
 */
@Command(name = "krypton", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Krypton, the sovereign crypto core: tenants' keys in locked memory, KMIP southbound, Orbital northbound.",
        subcommands = {DevCommand.class, DemoCommand.class, ServeCommand.class, PkiCommand.class, TaskCommand.class, KmipCommand.class, StatusCommand.class, AuditCommand.class, ClusterCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    /** Exit code of a failed command. */
    public static final int FAILED = 1;
    /** Exit code of a usage or configuration mistake. */
    public static final int USAGE = 2;
    /** Exit code of a KMIP operation the server answered with Operation Failed. */
    public static final int KMIP_ERROR = 3;
    /** Exit code of a server that could not be reached or answered unreadably. */
    public static final int UNREACHABLE = 4;

    /** The commands that run a node: they keep the libraries' INFO lines (connections, listeners). */
    private static final java.util.Set<String> NODE_COMMANDS = java.util.Set.of("serve", "dev");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(Main::exitCode);
        cli.setExecutionStrategy(parsed -> {
            if (!NODE_COMMANDS.contains(parsed.subcommand() == null ? "" : parsed.subcommand().commandSpec().name())) {
                Logging.quietLibraries();
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("krypton: " + e.getMessage());
            return exitCode(e);
        });
        return cli.execute(args);
    }

    private static int exitCode(Throwable e) {
        if (e instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        return e instanceof AppException a ? a.exitCode() : FAILED;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (see krypton --help)");
    }
}
