package dev.krypton.kmip.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suite selection and PEM loading of the listener's TLS configuration. */
class TlsConfigTest {

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    @Test
    void onlyModernSuitesUnlessThePyKmipSuiteIsAskedFor() throws Exception {
        TestPki pki = new TestPki("suites");
        TlsConfig tls = TlsConfig.of(TestPki.identity(pki.server()), TestPki.PASSWORD, List.of(pki.ca()));
        Set<String> supported = Set.of(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
        List<String> modern = ServerTls.suites(tls, supported);
        assertThat(modern).contains("TLS_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
                .allMatch(s -> s.contains("GCM") || s.contains("CHACHA20")).doesNotContain(ServerTls.PYKMIP_SUITE);
        assertThat(ServerTls.suites(tls.withPyKmipCompatibleSuite(true), supported)).endsWith(ServerTls.PYKMIP_SUITE);
    }

    @Test
    void pemFilesServeAndCrlFileIsRead(@TempDir Path dir) throws Exception {
        TestPki pki = new TestPki("pem-ca");
        TestPki.Issued server = pki.server();
        Files.writeString(dir.resolve("chain.pem"), pem("CERTIFICATE", server.certificate().getEncoded())
                + pem("CERTIFICATE", pki.ca().getEncoded()));
        Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY", server.key().getEncoded()));
        Files.writeString(dir.resolve("ca.pem"), pem("CERTIFICATE", pki.ca().getEncoded()));
        Files.writeString(dir.resolve("crl.pem"), pem("X509 CRL", pki.crl().getEncoded()));
        TlsConfig tls = TlsConfig.fromPem(dir.resolve("chain.pem"), dir.resolve("key.pem"), dir.resolve("ca.pem"))
                .withCrlFile(dir.resolve("crl.pem"));
        assertThat(tls.clientCas()).containsExactly(pki.ca());
        assertThat(tls.crls()).hasSize(1);
        assertThat(tls.toString()).doesNotContain("krypton");
        assertThatThrownBy(() -> TlsConfig.fromPem(dir.resolve("ca.pem"), dir.resolve("ca.pem"), dir.resolve("ca.pem")))
                .isInstanceOf(KmipServerException.class);
    }

    @Test
    void anEd25519KeyServesToo(@TempDir Path dir) throws Exception {
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ed25519", "-nodes", "-keyout", "key.pem",
                "-out", "chain.pem", "-days", "1", "-subj", "/CN=krypton-ed25519").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
        assertThat(p.waitFor()).as(Files.readString(dir.resolve("openssl.log"))).isZero();
        TlsConfig tls = TlsConfig.fromPem(dir.resolve("chain.pem"), dir.resolve("key.pem"), dir.resolve("chain.pem"));
        assertThat(tls.clientCas()).hasSize(1);
    }
}
