package dev.krypton.rootkey.pkcs11;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.KeyGenerator;

/**
 * A real SoftHSM2 token for the tests of one JVM (Surefire forks one JVM per test class). SoftHSM2
 * reads its token directory once per process, so the fixture writes a fresh token directory into
 * the file named by {@code SOFTHSM2_CONF} and initializes the token with {@code softhsm2-util}
 * before anything loads the module; keys are then generated inside the token through SunPKCS11.
 */
final class SoftHsm {

    static final Path MODULE = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    static final String PIN = "81726354";
    private static final Pattern SLOT = Pattern.compile("reassigned to slot (\\d+)");
    private static SoftHsm instance;

    final Path tokens;
    final long slot;
    final Path pinFile;

    private SoftHsm(Path tokens, long slot, Path pinFile) {
        this.tokens = tokens;
        this.slot = slot;
        this.pinFile = pinFile;
    }

    static synchronized SoftHsm get() {
        if (instance == null) {
            try {
                instance = start();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("SoftHSM2 setup failed (is package softhsm2 installed?)", e);
            }
        }
        return instance;
    }

    private static SoftHsm start() throws IOException, InterruptedException {
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null) {
            throw new IllegalStateException("SOFTHSM2_CONF must be set (the pom sets it for Surefire)");
        }
        Path tokens = Files.createTempDirectory("krypton-softhsm");
        Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        Process init = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", "krypton-test",
                "--pin", PIN, "--so-pin", "12345678").redirectErrorStream(true).start();
        String out = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (init.waitFor() != 0) {
            throw new IllegalStateException("softhsm2-util failed: " + out);
        }
        Matcher m = SLOT.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no slot in softhsm2-util output: " + out);
        }
        Path pinFile = Files.writeString(tokens.resolve("pin"), PIN + "\n");
        return new SoftHsm(tokens, Long.parseLong(m.group(1)), pinFile);
    }

    /** Generates an AES-256 token key labelled {@code label} with the given usage attributes. */
    void generate(String label, boolean encrypt, boolean decrypt) {
        String config = "--name = gen\nlibrary = " + MODULE + "\nslot = " + slot + "\n"
                + "attributes(generate, CKO_SECRET_KEY, CKK_AES) = {\n"
                + "  CKA_TOKEN = true\n  CKA_PRIVATE = true\n  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n"
                + "  CKA_ENCRYPT = " + encrypt + "\n  CKA_WRAP = " + encrypt + "\n"
                + "  CKA_DECRYPT = " + decrypt + "\n  CKA_UNWRAP = " + decrypt + "\n"
                + "  CKA_LABEL = 0h" + HexFormat.of().formatHex(label.getBytes(StandardCharsets.UTF_8)) + "\n}\n";
        try {
            Provider provider = Security.getProvider("SunPKCS11").configure(config);
            KeyStore.getInstance("PKCS11", provider).load(null, PIN.toCharArray());
            KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
            generator.init(256);
            generator.generateKey();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("key generation failed", e);
        }
    }

    /** Deletes the token key labelled {@code label}. */
    void delete(String label) {
        try {
            Provider provider = Security.getProvider("SunPKCS11").configure("--name = del\nlibrary = " + MODULE + "\nslot = " + slot + "\n");
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, PIN.toCharArray());
            store.deleteEntry(label);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("key deletion failed", e);
        }
    }

    Map<String, String> access() {
        return Map.of("library", MODULE.toString(), "slot", Long.toString(slot), "pin-file", pinFile.toString());
    }
}
