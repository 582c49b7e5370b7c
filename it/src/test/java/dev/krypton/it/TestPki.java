package dev.krypton.it;

import dev.krypton.kmip.client.TlsSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away RSA CA with a server certificate and named client certificates, made with the
 * openssl command line (RSA because PyKMIP's TLS 1.2 suite is ECDHE-RSA).
 */
public record TestPki(Path dir) {
    /** Password of {@code server.p12} (the server's key and chain as PKCS#12, for Krypton's listener). */
    public static final char[] PASSWORD = "it-only".toCharArray();

    public Path caCert() {
        return dir.resolve("ca.pem");
    }

    public Path cert(String name) {
        return dir.resolve(name + ".pem");
    }

    public Path key(String name) {
        return dir.resolve(name + ".key");
    }

    /** Client TLS as {@code name}, offering the suites PyKMIP and Krypton both accept. */
    public TlsSettings clientTls(String name) {
        return TlsSettings.fromPem(cert(name), key(name), caCert()).withCipherSuites(TlsSettings.PYKMIP_COMPATIBLE_SUITES);
    }

    /** A CA, a "server" certificate for localhost/127.0.0.1 and one client certificate per name (CN = name). */
    public static TestPki create(Path dir, List<String> clients) throws IOException, InterruptedException {
        run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
                "-days", "2", "-subj", "/CN=krypton-it-ca");
        Files.writeString(dir.resolve("server.cnf"), "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        Files.writeString(dir.resolve("client.cnf"), "extendedKeyUsage=clientAuth\n");
        issue(dir, "server", "server.cnf");
        run(dir, "openssl", "pkcs12", "-export", "-in", "server.pem", "-inkey", "server.key", "-certfile", "ca.pem",
                "-name", "server", "-out", "server.p12", "-passout", "pass:" + new String(PASSWORD));
        for (String name : clients) {
            issue(dir, name, "client.cnf");
        }
        return new TestPki(dir);
    }

    private static void issue(Path dir, String name, String extensions) throws IOException, InterruptedException {
        run(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr",
                "-subj", "/CN=" + name);
        run(dir, "openssl", "x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", name + ".pem", "-days", "2", "-extfile", extensions);
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("openssl failed: " + String.join(" ", command) + "\n" + Files.readString(dir.resolve("openssl.log")));
        }
    }
}
