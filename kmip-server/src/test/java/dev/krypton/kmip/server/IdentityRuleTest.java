package dev.krypton.kmip.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.krypton.engine.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

/** How each identity rule names the principal of a certificate, and when it names none. */
class IdentityRuleTest {

    private final TestPki pki = new TestPki("identity-ca");

    private TestPki.Issued cert(String cn, GeneralName... sans) {
        return pki.issue(cn, List.of(KeyPurposeId.id_kp_clientAuth), List.of(sans), Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofHours(1)));
    }

    @Test
    void subjectCnNamesTheCommonName() {
        assertThat(new IdentityRule.SubjectCn().principal(cert("acme").certificate())).contains(Principal.of("acme"));
    }

    @Test
    void sanUriTakesTheFirstUriWithThePrefix() {
        var c = cert("ignored", new GeneralName(GeneralName.uniformResourceIdentifier, "https://example.org/x"),
                new GeneralName(GeneralName.uniformResourceIdentifier, "spiffe://krypton/gw"));
        assertThat(new IdentityRule.SanUri("spiffe://").principal(c.certificate())).contains(Principal.of("spiffe://krypton/gw"));
        assertThat(new IdentityRule.SanUri("spiffe://other/").principal(c.certificate())).isEmpty();
        assertThat(new IdentityRule.SanUri("spiffe://").principal(cert("acme").certificate())).isEmpty();
    }

    @Test
    void sanDnsTakesTheFirstDnsName() {
        var c = cert("ignored", new GeneralName(GeneralName.dNSName, "gw1.acme.test"), new GeneralName(GeneralName.dNSName, "b.test"));
        assertThat(new IdentityRule.SanDns().principal(c.certificate())).contains(Principal.of("gw1.acme.test"));
        assertThat(new IdentityRule.SanDns().principal(cert("acme").certificate())).isEmpty();
    }
}
