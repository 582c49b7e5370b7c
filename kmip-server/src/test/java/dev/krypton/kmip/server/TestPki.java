package dev.krypton.kmip.server;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI made with BouncyCastle (test dependency only): a CA, and certificates issued by
 * it with chosen subject, Subject Alternative Names, Extended Key Usages and validity; CRLs.
 */
final class TestPki {

    static final char[] PASSWORD = "test-only".toCharArray();
    private static final AtomicLong SERIALS = new AtomicLong(1000);

    /** A certificate with its key. */
    record Issued(X509Certificate certificate, PrivateKey key, X509Certificate ca) {
    }

    private final KeyPair caKeys;
    private final X509Certificate ca;
    private final String caName;
    private final List<BigInteger> revoked = new ArrayList<>();

    TestPki(String caName) {
        try {
            this.caName = caName;
            this.caKeys = keyPair();
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + caName), serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))),
                    new X500Name("CN=" + caName), caKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            this.ca = sign(builder);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    X509Certificate ca() {
        return ca;
    }

    /** The server's certificate for localhost and 127.0.0.1. */
    Issued server() {
        return issue("localhost", List.of(KeyPurposeId.id_kp_serverAuth), List.of(
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")),
                Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(1)));
    }

    /** A client certificate for {@code cn} allowing client authentication, valid now. */
    Issued client(String cn) {
        return issue(cn, List.of(KeyPurposeId.id_kp_clientAuth), List.of(),
                Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(1)));
    }

    Issued issue(String cn, List<KeyPurposeId> usages, List<GeneralName> sans, Instant notBefore, Instant notAfter) {
        try {
            KeyPair keys = keyPair();
            var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + caName), serial(), Date.from(notBefore),
                    Date.from(notAfter), new X500Name("CN=" + cn), keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            if (!usages.isEmpty()) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(usages.toArray(KeyPurposeId[]::new)));
            }
            if (!sans.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(GeneralName[]::new)));
            }
            return new Issued(sign(builder), keys.getPrivate(), ca);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void revoke(Issued issued) {
        revoked.add(issued.certificate().getSerialNumber());
    }

    /** A CRL of this CA listing every revoked certificate. */
    X509CRL crl() {
        try {
            Instant now = Instant.now();
            var builder = new X509v2CRLBuilder(new X500Name("CN=" + caName), Date.from(now.minus(Duration.ofMinutes(5))));
            builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
            revoked.forEach(s -> builder.addCRLEntry(s, Date.from(now.minus(Duration.ofMinutes(1))), CRLReason.keyCompromise));
            var holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate()));
            return new JcaX509CRLConverter().getCRL(holder);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyStore identity(Issued issued) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("key", issued.key(), PASSWORD, new java.security.cert.Certificate[] {issued.certificate(), issued.ca()});
            return ks;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyStore trust(X509Certificate... cas) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            for (int i = 0; i < cas.length; i++) {
                ks.setCertificateEntry("ca" + i, cas[i]);
            }
            return ks;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client SSLContext presenting {@code issued} (or nothing when null-free empty) and trusting {@code serverCa}. */
    static SSLContext clientContext(java.util.Optional<Issued> issued, X509Certificate serverCa) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            KeyStore ks = issued.map(TestPki::identity).orElseGet(TestPki::trust);
            kmf.init(ks, PASSWORD);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust(serverCa));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private X509Certificate sign(JcaX509v3CertificateBuilder builder) throws Exception {
        var holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate()));
        return new JcaX509CertificateConverter().getCertificate(holder);
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIALS.incrementAndGet());
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }
}
