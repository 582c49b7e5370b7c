package dev.krypton.app.node;

import dev.krypton.app.AppException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The development PKI of {@code krypton dev}, made once with the {@code openssl} command in one
 * folder: a CA, a server certificate for localhost and 127.0.0.1, and client certificates by
 * common name (EC P-256, keys in PKCS#8 PEM, mode 0600). For development only: the CA key lies
 * beside the certificates.
 */
public final class DevPki {

    /** Common name of the Orbital client certificate. */
    public static final String ORBITAL = "krypton-orbital";
    /** Common name of the gateway client certificate, allowed on every tenant in dev mode. */
    public static final String GATEWAY = "krypton-gateway";
    /** Common name of the server certificate. */
    public static final String SERVER = "krypton-server";
    /** Common name of the development CA; production refuses certificates it issued. */
    public static final String CA_NAME = "krypton-dev-ca";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int DAYS = 825;

    private final Path dir;

    private DevPki(Path dir) {
        this.dir = dir;
    }

    /** Opens the PKI in {@code dir}, creating the CA, server, Orbital and gateway certificates if missing. */
    public static DevPki init(Path dir) {
        DevPki pki = new DevPki(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw AppException.failure("cannot create the PKI folder " + dir + ": " + e.getMessage(), e);
        }
        if (!Files.exists(pki.ca())) {
            pki.openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", "ca.key", "-out", "ca.pem", "-days", String.valueOf(DAYS),
                    "-subj", "/CN=" + CA_NAME, "-addext", "basicConstraints=critical,CA:TRUE",
                    "-addext", "keyUsage=critical,keyCertSign,cRLSign");
            pki.restrict("ca.key");
        }
        if (!Files.exists(pki.cert(SERVER))) {
            pki.issue(SERVER, "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth");
        }
        for (String client : List.of(ORBITAL, GATEWAY)) {
            if (!Files.exists(pki.cert(client))) {
                pki.issueClient(client);
            }
        }
        return pki;
    }

    /** Issues (or re-issues) a client certificate with subject CN {@code name}. */
    public Path issueClient(String name) {
        if (!NAME.matcher(name).matches()) {
            throw AppException.usage("a certificate name must be 1-64 letters, digits, '.', '_' or '-', not '" + name + "'");
        }
        issue(name, "extendedKeyUsage=clientAuth");
        return cert(name);
    }

    public Path dir() {
        return dir;
    }

    public Path ca() {
        return dir.resolve("ca.pem");
    }

    public Path cert(String name) {
        return dir.resolve(name + ".pem");
    }

    public Path key(String name) {
        return dir.resolve(name + ".key");
    }

    private void issue(String name, String extensions) {
        try {
            Files.writeString(dir.resolve(name + ".ext"), extensions + "\n");
        } catch (IOException e) {
            throw AppException.failure("cannot write " + name + ".ext: " + e.getMessage(), e);
        }
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", name + ".key",
                "-out", name + ".csr", "-subj", "/CN=" + name);
        restrict(name + ".key");
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", name + ".pem", "-days", String.valueOf(DAYS), "-extfile", name + ".ext");
    }

    private void restrict(String file) {
        try {
            Files.setPosixFilePermissions(dir.resolve(file), PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw AppException.failure("cannot restrict " + file + " to its owner: " + e.getMessage(), e);
        }
    }

    private void openssl(String... args) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw AppException.failure("openssl " + args[0] + " failed: " + out.strip());
            }
        } catch (IOException e) {
            throw AppException.failure("cannot run the openssl command (is it installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AppException.failure("interrupted while running openssl", e);
        }
    }
}
