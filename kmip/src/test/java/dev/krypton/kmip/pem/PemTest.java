package dev.krypton.kmip.pem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemTest {

    @Test
    void readsEveryKeyAlgorithmTheCallersUsed(@TempDir Path dir) throws Exception {
        for (String algorithm : new String[] {"EC", "RSA", "Ed25519", "Ed448"}) {
            PrivateKey key = KeyPairGenerator.getInstance(algorithm).generateKeyPair().getPrivate();
            Path file = dir.resolve(algorithm + ".key");
            Files.writeString(file, pem("PRIVATE KEY", key.getEncoded()));
            assertThat(Pem.privateKey(file).getEncoded()).as(algorithm).isEqualTo(key.getEncoded());
        }
    }

    @Test
    void keyStoreHoldsTheKeyWithItsChain(@TempDir Path dir) throws Exception {
        openssl(dir, "req", "-x509", "-newkey", "ed25519", "-nodes", "-keyout", "node.key", "-out", "node.pem",
                "-days", "1", "-subj", "/CN=node");
        char[] password = "p".toCharArray();
        KeyStore store = Pem.keyStore(dir.resolve("node.pem"), dir.resolve("node.key"), "node", password);
        assertThat(store.getCertificateChain("node")).containsExactlyElementsOf(Pem.certificates(dir.resolve("node.pem")));
        assertThat(store.getKey("node", password).getAlgorithm()).isIn("Ed25519", "EdDSA");
    }

    @Test
    void unusableFilesAreNamedNeverQuoted(@TempDir Path dir) throws Exception {
        byte[] secret = new byte[48];
        java.util.Arrays.fill(secret, (byte) 0x5a);
        String secretText = Base64.getEncoder().encodeToString(secret);
        Path notAKey = Files.writeString(dir.resolve("not-a-key.pem"), pem("PRIVATE KEY", secret));
        assertThatThrownBy(() -> Pem.privateKey(notAKey)).isInstanceOf(InvalidKeySpecException.class)
                .hasMessageContaining("not-a-key.pem").message().doesNotContain(secretText.substring(0, 16));
        Path noKey = Files.writeString(dir.resolve("no-key.pem"), "hello " + secretText);
        assertThatThrownBy(() -> Pem.privateKey(noKey)).isInstanceOf(InvalidKeySpecException.class)
                .hasMessageContaining("no unencrypted PKCS#8 private key").message().doesNotContain(secretText.substring(0, 16));
        Path badBase64 = Files.writeString(dir.resolve("bad.pem"), "-----BEGIN PRIVATE KEY-----\n!!" + secretText
                + "\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> Pem.privateKey(badBase64)).isInstanceOf(InvalidKeySpecException.class)
                .message().doesNotContain(secretText.substring(0, 16));
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        assertThat(Pem.certificates(empty)).isEmpty();
        assertThatThrownBy(() -> Pem.keyStore(empty, notAKey, "x", new char[0])).isInstanceOf(CertificateException.class)
                .hasMessageContaining("no certificate in");
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void openssl(Path dir, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "openssl";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("openssl failed: " + Files.readString(dir.resolve("openssl.log")));
        }
    }
}
