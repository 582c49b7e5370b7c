package dev.krypton.it.restart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal launcher of one real node process: {@code krypton serve --config FILE} in its own JVM
 * on the test class path (so test-only plugins found by ServiceLoader come along), its ports read
 * from the ready line, its admin {@code /status} read over HTTP, and {@link #kill()} as SIGKILL.
 * (The multi-process harness of branch {@code cluster-it} did not exist when this was written.)
 */
final class NodeProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile(
            "KMIP on [^:]+:(\\d+), Orbital gRPC on [^:]+:(\\d+), admin HTTP on [^:]+:(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private int kmipPort;
    private int adminPort;

    private NodeProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(output closed: " + e.getMessage() + ")");
            }
        });
    }

    /** Starts {@code krypton serve --config config}; standard error goes to {@code <dir>/<name>-<n>.stderr}. */
    static NodeProcess start(Path dir, String name, Path config, Map<String, String> systemProperties) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "--enable-native-access=ALL-UNNAMED"));
        systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.krypton.app.Main",
                "serve", "--config", config.toString()));
        Path stderr = dir.resolve(name + "-" + System.nanoTime() + ".stderr");
        return new NodeProcess(name, new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(stderr.toFile()).start());
    }

    /** Waits for the ready line and reads the ports from it. */
    void awaitReady(int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            String line = lines.poll(20, TimeUnit.MILLISECONDS);
            if (line == null) {
                if (!process.isAlive()) {
                    break;
                }
                continue;
            }
            seen.add(line);
            Matcher m = READY.matcher(line);
            if (m.find()) {
                kmipPort = Integer.parseInt(m.group(1));
                adminPort = Integer.parseInt(m.group(3));
                return;
            }
        }
        throw new AssertionError(name + " not ready within " + seconds + " s; output: " + seen);
    }

    int kmipPort() {
        return kmipPort;
    }

    /** The {@code startup} section of {@code /status}. */
    JsonNode startup() throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/status"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError(name + " /status answered " + r.statusCode());
        }
        return JSON.readTree(r.body()).get("startup");
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " survived SIGKILL for 30 s");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
