package dev.krypton.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts {@link KryptonServer} as its own process for the load generator: makes a PKI in the
 * folder given as the first argument (clients {@code acme} and {@code globex}), writes the port to
 * {@code port} there, and serves until killed.
 */
public final class KryptonServerMain {
    private KryptonServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        TestPki pki = TestPki.create(dir, List.of("acme", "globex"));
        KryptonServer server = KryptonServer.start(pki);
        Files.writeString(dir.resolve("port"), String.valueOf(server.port()));
        System.out.println("Krypton KMIP server on 127.0.0.1:" + server.port());
        Thread.currentThread().join();
    }
}
