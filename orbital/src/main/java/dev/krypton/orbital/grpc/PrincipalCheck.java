package dev.krypton.orbital.grpc;

import dev.krypton.orbital.IntakeAudit;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Lets a call through only when the TLS client certificate's subject common name is an allowed
 * Orbital principal; anything else is closed PERMISSION_DENIED and audited.
 */
final class PrincipalCheck implements ServerInterceptor {

    private final Set<String> allowed;
    private final IntakeAudit audit;

    PrincipalCheck(Set<String> allowed, IntakeAudit audit) {
        this.allowed = allowed;
        this.audit = audit;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        Optional<String> principal = principalOf(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
        if (principal.isPresent() && allowed.contains(principal.get())) {
            return next.startCall(call, headers);
        }
        audit.rejected("", "", "gRPC caller " + principal.orElse("without certificate")
                + " is not an allowed Orbital principal");
        call.close(Status.PERMISSION_DENIED.withDescription("caller is not an allowed Orbital principal"),
                new Metadata());
        return new ServerCall.Listener<>() {};
    }

    static Optional<String> principalOf(SSLSession session) {
        if (session == null) {
            return Optional.empty();
        }
        try {
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
                return Optional.empty();
            }
            for (Rdn rdn : new LdapName(leaf.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return Optional.of(rdn.getValue().toString());
                }
            }
            return Optional.empty();
        } catch (SSLPeerUnverifiedException | InvalidNameException e) {
            return Optional.empty();
        }
    }
}
