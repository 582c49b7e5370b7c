package dev.krypton.kmip.server.operation;

import dev.krypton.kmip.KmipException;
import dev.krypton.kmip.ResultReason;
import dev.krypton.kmip.Tag;
import dev.krypton.kmip.Ttlv;
import dev.krypton.kmip.attribute.Attribute;
import dev.krypton.kmip.attribute.AttributeDef;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The attributes a server derives from a registered X.509 certificate (KMIP 2.1 sections 4.7-4.9):
 * Certificate Type, Certificate Length (bytes of the DER encoding) and the Certificate Subject and
 * Issuer name parts (CN, O, OU, C, ST, L, DC). A certificate that does not parse is Invalid Field.
 */
final class Certificates {

    private static final Map<String, AttributeDef> SUBJECT = Map.of("CN", AttributeDef.CERTIFICATE_SUBJECT_CN,
            "O", AttributeDef.CERTIFICATE_SUBJECT_O, "OU", AttributeDef.CERTIFICATE_SUBJECT_OU,
            "C", AttributeDef.CERTIFICATE_SUBJECT_C, "ST", AttributeDef.CERTIFICATE_SUBJECT_ST,
            "L", AttributeDef.CERTIFICATE_SUBJECT_L, "DC", AttributeDef.CERTIFICATE_SUBJECT_DC);
    private static final Map<String, AttributeDef> ISSUER = Map.of("CN", AttributeDef.CERTIFICATE_ISSUER_CN,
            "O", AttributeDef.CERTIFICATE_ISSUER_O, "OU", AttributeDef.CERTIFICATE_ISSUER_OU,
            "C", AttributeDef.CERTIFICATE_ISSUER_C, "ST", AttributeDef.CERTIFICATE_ISSUER_ST,
            "L", AttributeDef.CERTIFICATE_ISSUER_L, "DC", AttributeDef.CERTIFICATE_ISSUER_DC);

    private Certificates() {
    }

    /** The derived attributes of a Certificate object structure. */
    static List<Attribute> attributes(Ttlv.Structure certificate) {
        Ttlv type = certificate.find(Tag.CERTIFICATE_TYPE).orElseThrow(() ->
                new KmipException(ResultReason.INVALID_FIELD, "Certificate without Certificate Type"));
        byte[] der = certificate.find(Tag.CERTIFICATE_VALUE).filter(Ttlv.ByteString.class::isInstance)
                .map(v -> ((Ttlv.ByteString) v).value()).orElseThrow(() ->
                        new KmipException(ResultReason.INVALID_FIELD, "Certificate without Certificate Value"));
        List<Attribute> out = new ArrayList<>();
        out.add(Attribute.of(AttributeDef.CERTIFICATE_TYPE, type));
        out.add(Attribute.of(AttributeDef.CERTIFICATE_LENGTH, new Ttlv.IntegerItem(Tag.CERTIFICATE_LENGTH, der.length)));
        if (type instanceof Ttlv.Enumeration e && e.value() == dev.krypton.kmip.CertificateType.X_509.value()) {
            X509Certificate x509 = parse(der);
            names(x509.getSubjectX500Principal().getName(), SUBJECT, out);
            names(x509.getIssuerX500Principal().getName(), ISSUER, out);
        }
        return out;
    }

    private static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new KmipException(ResultReason.INVALID_FIELD, "the Certificate Value is not an X.509 certificate");
        }
    }

    /** One attribute per name part this server knows, first occurrence of each part only. */
    private static void names(String rfc2253, Map<String, AttributeDef> defs, List<Attribute> out) {
        try {
            List<Rdn> rdns = new ArrayList<>(new LdapName(rfc2253).getRdns());
            java.util.Collections.reverse(rdns);
            java.util.Set<AttributeDef> seen = java.util.EnumSet.noneOf(AttributeDef.class);
            for (Rdn rdn : rdns) {
                AttributeDef def = defs.get(rdn.getType().toUpperCase(java.util.Locale.ROOT));
                if (def != null && seen.add(def)) {
                    out.add(Attribute.of(def, new Ttlv.TextString(def.tag(), String.valueOf(rdn.getValue()))));
                }
            }
        } catch (InvalidNameException e) {
            throw new KmipException(ResultReason.INVALID_FIELD, "the certificate's names cannot be read");
        }
    }
}
