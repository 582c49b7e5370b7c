package dev.krypton.app.cli;

import dev.krypton.app.AppException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code krypton status}: prints a running node's {@code /status} document (tenants by state,
 * secure memory, storage, listeners) from its admin HTTP listener. Exit code 0 when the node is
 * ready, 1 when it is not or cannot be reached.
 */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show a running node's status (from its admin HTTP listener).")
public final class StatusCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Admin HTTP address (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--admin-port", defaultValue = "9696", description = "Admin HTTP port (default: ${DEFAULT-VALUE}).")
    private int port;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            String base = "http://" + host + ":" + port;
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(base + "/status"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(base + "/readyz"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            spec.commandLine().getOut().print(status.body());
            spec.commandLine().getOut().println("ready: " + ready.body().strip());
            return ready.statusCode() == 200 ? 0 : 1;
        } catch (IOException e) {
            throw AppException.failure("cannot reach the node's admin listener at " + host + ":" + port + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AppException.failure("interrupted", e);
        } catch (IllegalArgumentException e) {
            throw AppException.usage("not a usable address: " + host + ":" + port);
        }
    }
}
