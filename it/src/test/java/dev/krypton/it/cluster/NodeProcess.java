package dev.krypton.it.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One real Krypton node: {@code krypton serve --config FILE} in a JVM of its own (the {@code krypton}
 * launcher's command line, on this test's class path, so test-only plugins registered by
 * ServiceLoader are found). Standard output is kept line by line (and copied to
 * {@code <name>.out}), standard error goes to {@code <name>.log} in the node's folder. Ports are
 * read from the ready line and {@code /status}, so the configuration may ask for port 0.
 * {@link #kill()} sends SIGKILL to the whole process tree, {@link #stop()} SIGTERM and waits;
 * {@link #start()} starts it again from the same configuration.
 */
public final class NodeProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("admin HTTP on ([^ ]+):(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path dir;
    private final Path config;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private volatile Process process;
    private volatile int adminPort;
    /** How long a start may take before it counts as failed: {@code -Dkrypton.it.nodeStartSeconds} (default 60; more on a crowded machine). */
    static final int START_SECONDS = Integer.getInteger("krypton.it.nodeStartSeconds", 60);
    private volatile int kmipPort;
    private volatile int grpcPort;
    private int starts;

    public NodeProcess(String name, Path dir, Path config) {
        this.name = name;
        this.dir = dir;
        this.config = config;
    }

    public String name() {
        return name;
    }

    public Path dir() {
        return dir;
    }

    /**
     * Starts the process and waits until it is ready ({@code /readyz} answers 200), by default up to
     * 60 s ({@code -Dkrypton.it.nodeStartSeconds=N} on a machine busy with other builds).
     */
    public NodeProcess start() throws IOException, InterruptedException {
        return start(Duration.ofSeconds(START_SECONDS));
    }

    /**
     * Starts the process and waits until it is ready. A node that exits at start because it could not
     * open storage is started again, up to three times, as a service manager with
     * {@code Restart=on-failure} would (and says so on standard output); every other early exit fails
     * at once. Since storage retries transient failures at open for {@code retry-ms}, this should no
     * longer happen: CI once saw PostgreSQL end a restarted node's first connection (57P01), which
     * the schema probe at open did not retry then.
     */
    public synchronized NodeProcess start(Duration timeout) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(timeout);
            } catch (IllegalStateException e) {
                boolean storage = String.valueOf(e.getMessage()).contains("cannot open storage");
                if (!storage || attempt >= 3 || process == null || process.isAlive()) {
                    throw e;
                }
                System.out.printf(java.util.Locale.ROOT, "%s could not open storage at start (attempt %d), starting it again%n",
                        name, attempt);
                Thread.sleep(1000);
            }
        }
    }

    private NodeProcess startOnce(Duration timeout) throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        starts++;
        lines.clear();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx256m", "-XX:+UseSerialGC",
                "-Xlog:gc:file=" + dir.resolve(name + "-gc.log") + ":time,uptime",
                "-cp", System.getProperty("java.class.path"), "dev.krypton.app.Main", "serve", "--config", config.toString()));
        Path log = dir.resolve(name + ".log");
        Files.writeString(log, "=== start " + starts + " ===\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        process = p;
        Thread.ofVirtual().name(name + "-stdout").start(() -> follow(p));
        long began = System.nanoTime();
        awaitReady(p, timeout);
        System.out.printf(java.util.Locale.ROOT, "%s ready in %d ms: pid %d, kmip %d, grpc %d, admin %d%n", name,
                (System.nanoTime() - began) / 1_000_000, p.pid(), kmipPort, grpcPort, adminPort);
        return this;
    }

    private void follow(Process p) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter copy = new PrintWriter(Files.newBufferedWriter(dir.resolve(name + ".out"), StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
                copy.println(line);
            }
        } catch (IOException e) {
            lines.add("(output closed: " + e.getMessage() + ")");
        }
    }

    private void awaitReady(Process p, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (adminPortFromOutput() == 0) {
            if (!p.isAlive()) {
                throw new IllegalStateException(name + " exited with " + p.exitValue() + " before it was ready: " + lines
                        + "\n" + tail(dir.resolve(name + ".log")));
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException(name + " printed no ready line within " + timeout + ": " + lines);
            }
            Thread.sleep(20);
        }
        adminPort = adminPortFromOutput();
        while (!ready()) {
            if (System.nanoTime() > end || !p.isAlive()) {
                throw new IllegalStateException(name + " did not become ready within " + timeout);
            }
            Thread.sleep(50);
        }
        JsonNode listeners = status().path("listeners");
        kmipPort = listeners.path("kmip").asInt();
        grpcPort = listeners.path("orbital-grpc").asInt();
    }

    private int adminPortFromOutput() {
        for (String line : lines) {
            Matcher m = READY.matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(2));
            }
        }
        return 0;
    }

    /** Whether {@code /readyz} answers 200 now. */
    public boolean ready() {
        try {
            return get("/readyz").statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The {@code /status} document. */
    public JsonNode status() throws IOException, InterruptedException {
        return JSON.readTree(get("/status").body());
    }

    /** The tenant's state as this node reports it in {@code /status}, or {@code "(none)"}. */
    public String tenantState(String tenant) throws IOException, InterruptedException {
        for (JsonNode t : status().path("tenants")) {
            if (t.path("tenant").asText().equals(tenant)) {
                return t.path("state").asText();
            }
        }
        return "(none)";
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public int kmipPort() {
        return kmipPort;
    }

    public int grpcPort() {
        return grpcPort;
    }

    public int adminPort() {
        return adminPort;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** Every line printed on standard output since the last start. */
    public List<String> output() {
        return List.copyOf(lines);
    }

    /** SIGKILL to every process of the tree (descendants first), then waits for the exit. */
    public void kill() throws InterruptedException {
        Process p = process;
        if (p == null) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + p.pid() + ") survived SIGKILL");
        }
    }

    /** SIGTERM (an orderly stop that wipes the keys), then waits; SIGKILL after {@code grace}. */
    public int stop(Duration grace) throws InterruptedException {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return p == null ? 0 : p.exitValue();
        }
        p.destroy();
        if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
        }
        return p.exitValue();
    }

    /** Sends SIGSTOP or SIGCONT (freezes or thaws the JVM; its sockets stay open). */
    public void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid() + " failed");
        }
    }

    private static String tail(Path file) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    @Override
    public String toString() {
        return name + "(pid " + (process == null ? "-" : process.pid()) + ", kmip " + kmipPort + ", admin " + adminPort + ")";
    }
}
