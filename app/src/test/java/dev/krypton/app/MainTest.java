package dev.krypton.app;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void everyCommandAndSubcommandAnswersHelpWithExitZero() {
        List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new Main()), new ArrayList<>(), paths);
        assertThat(paths).contains(List.of("dev"), List.of("demo"), List.of("pki", "issue-client"), List.of("audit", "verify"));
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            assertThat(run(args.toArray(String[]::new))).as(String.join(" ", args)).isZero();
        }
        assertThat(out.toString()).contains("Usage: krypton dev", "Usage: krypton demo", "Usage: krypton task");
    }

    private static void collect(CommandLine cli, List<String> prefix, List<List<String>> into) {
        into.add(List.copyOf(prefix));
        cli.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                List<String> next = new ArrayList<>(prefix);
                next.add(name);
                collect(sub, next, into);
            }
        });
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument at index 0: 'frobnicate'");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("a subcommand is required");
    }

    @Test
    void portOutOfRangeIsAUsageErrorNamingTheOption() {
        assertThat(run("dev", "--grpc-port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("--grpc-port must be 0-65535, not 70000");
    }

    @Test
    void malformedBrokerUrlIsAUsageError() {
        assertThat(run("dev", "--amqp", "http://broker")).isEqualTo(2);
        assertThat(err.toString()).contains("--amqp must be a URL like amqp://");
    }

    @Test
    void unknownTaskActionIsAUsageErrorListingTheAllowedOnes() {
        assertThat(run("task", "explode", "--tenant", "acme")).isEqualTo(2);
        assertThat(err.toString()).contains("expected one of [LINK, UNLINK, SWITCH, ROTATE, DISABLE, ENABLE, DESTROY]");
    }

    @Test
    void unreachableNodeIsAFailureNotAUsageError() {
        assertThat(run("task", "unlink", "--tenant", "acme", "--data-dir", "does-not-exist", "--port", "1")).isEqualTo(1);
        assertThat(err.toString()).startsWith("krypton: ");
    }

    @Test
    void statusOfANodeThatIsNotRunningIsAFailure() {
        assertThat(run("status", "--admin-port", "1")).isEqualTo(1);
        assertThat(err.toString()).contains("cannot reach the node's admin listener at 127.0.0.1:1");
    }

    @Test
    void versionIsPrinted() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("Krypton ");
    }
}
