package dev.krypton.rootkey.kmip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PKI made with the openssl command line: a CA with a server and a client
 * certificate, and a second CA with a "stranger" client certificate the server must refuse.
 */
record TestPki(Path dir) {

    Path caCert() {
        return dir.resolve("ca.pem");
    }

    Path cert(String name) {
        return dir.resolve(name + ".pem");
    }

    Path key(String name) {
        return dir.resolve(name + ".key");
    }

    static TestPki create(Path dir) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("ext.cnf"), "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth,clientAuth\n");
        ca(dir, "ca");
        ca(dir, "other-ca");
        issue(dir, "server", "ca");
        issue(dir, "client", "ca");
        issue(dir, "stranger", "other-ca");
        return new TestPki(dir);
    }

    private static void ca(Path dir, String name) throws IOException, InterruptedException {
        run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".pem",
                "-days", "2", "-subj", "/CN=krypton-test-" + name);
    }

    private static void issue(Path dir, String name, String ca) throws IOException, InterruptedException {
        run(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", name + ".key", "-out", name + ".csr",
                "-subj", "/CN=" + name);
        run(dir, "openssl", "x509", "-req", "-in", name + ".csr", "-CA", ca + ".pem", "-CAkey", ca + ".key",
                "-CAcreateserial", "-out", name + ".pem", "-days", "2", "-extfile", "ext.cnf");
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
