package dev.krypton.kmip.server;

import dev.krypton.engine.Principal;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * How a verified client certificate names its principal (docs/design.md section 8): the subject's
 * Common Name, a Subject Alternative Name URI with a required prefix (a SPIFFE ID such as
 * {@code spiffe://example.org/gateway}), or the first Subject Alternative Name DNS entry. A
 * certificate without the configured field yields no principal and the connection is closed; so
 * does one that names the principal ambiguously (two Common Names, such as {@code CN=bob, CN=acme},
 * or two URIs with the prefix), since picking either would let an issuer's naming decide who the
 * client is.
 */
public sealed interface IdentityRule {

    /** The principal named by {@code leaf}, if it has the field this rule reads. */
    Optional<Principal> principal(X509Certificate leaf);

    /** The subject's CN attribute; none when the subject has no CN or more than one (in any RDN, multi-valued ones included). */
    record SubjectCn() implements IdentityRule {
        @Override
        public Optional<Principal> principal(X509Certificate leaf) {
            try {
                List<Object> cns = new ArrayList<>();
                for (Rdn rdn : new LdapName(leaf.getSubjectX500Principal().getName()).getRdns()) {
                    Attribute cn = rdn.toAttributes().get("CN");
                    for (int i = 0; cn != null && i < cn.size(); i++) {
                        cns.add(cn.get(i));
                    }
                }
                return cns.size() == 1 && cns.getFirst() instanceof String name && usable(name)
                        ? Optional.of(Principal.of(name)) : Optional.empty();
            } catch (NamingException e) {
                return Optional.empty();
            }
        }
    }

    /** The SAN URI starting with {@code prefix} (empty prefix: any URI); none when there is no such URI or more than one. */
    record SanUri(String prefix) implements IdentityRule {
        public SanUri {
            Objects.requireNonNull(prefix, "prefix");
        }

        @Override
        public Optional<Principal> principal(X509Certificate leaf) {
            List<String> uris = san(leaf, 6).stream().filter(u -> u.startsWith(prefix)).toList();
            return uris.size() == 1 && usable(uris.getFirst()) ? Optional.of(Principal.of(uris.getFirst())) : Optional.empty();
        }
    }

    /** The first SAN DNS name. */
    record SanDns() implements IdentityRule {
        @Override
        public Optional<Principal> principal(X509Certificate leaf) {
            return san(leaf, 2).stream().findFirst().filter(IdentityRule::usable).map(Principal::of);
        }
    }

    private static List<String> san(X509Certificate leaf, int type) {
        try {
            Collection<List<?>> names = leaf.getSubjectAlternativeNames();
            if (names == null) {
                return List.of();
            }
            return names.stream().filter(n -> n.size() == 2 && n.get(0) instanceof Integer t && t == type)
                    .map(n -> n.get(1)).filter(String.class::isInstance).map(String.class::cast).toList();
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    private static boolean usable(String name) {
        return !name.isBlank() && name.length() <= 1024;
    }
}
