package dev.krypton.it;

import dev.krypton.engine.audit.AuditKeys;
import dev.krypton.engine.audit.AuditLog;
import dev.krypton.engine.audit.AuditOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Starts {@link KryptonServer} as its own process for the load generator: makes a PKI in the
 * folder given as the first argument (clients {@code acme} and {@code globex}), writes the port to
 * {@code port} there, and serves until killed. Audit events go to the production audit log
 * ({@code audit.log} there, hash-chained, fsync per writer batch) unless the second argument is
 * {@code --audit=discard}.
 */
public final class KryptonServerMain {
    private KryptonServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        TestPki pki = TestPki.create(dir, List.of("acme", "globex"));
        boolean discard = args.length > 1 && args[1].equals("--audit=discard");
        KryptonServer server = discard ? KryptonServer.start(pki) : KryptonServer.start(pki, AuditLog.open(
                dir.resolve("audit.log"), AuditKeys.loadOrCreate(dir.resolve("audit-keys")), AuditOptions.defaults(),
                Clock.systemUTC()));
        Files.writeString(dir.resolve("port"), String.valueOf(server.port()));
        System.out.println("Krypton KMIP server on 127.0.0.1:" + server.port());
        Thread.currentThread().join();
    }
}
