package org.theforeman.operator.common.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.CertPathValidator;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SuiteCaTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static SuiteCa ca;

    @BeforeAll
    static void generate() {
        ca = SuiteCa.generate("Foreman suite CA test", NOW);
    }

    @Test
    void theCaIsSelfSignedAndMayIssueCertificates() throws Exception {
        X509Certificate cert = ca.certificate();
        cert.verify(cert.getPublicKey());
        assertThat(cert.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(cert.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(cert.getNotAfter().toInstant()).isEqualTo(NOW.plus(SuiteCa.CA_LIFETIME));
    }

    @Test
    void aServerCertificateChainsToTheCaAndNamesTheServiceAndTheHost() throws Exception {
        List<String> names =
                List.of("proxy", "proxy.ns", "proxy.ns.svc", "proxy.ns.svc.cluster.local", "proxy.example.com");
        IssuedCertificate issued = ca.issue(
                new CertificateRequest("proxy.ns.svc", names, CertificateRequest.Usage.SERVER, Duration.ofDays(365)),
                NOW);

        X509Certificate cert = Pem.parseCertificate(issued.certificatePem());
        assertChainsTo(cert, ca.certificate(), NOW.plus(Duration.ofDays(1)));
        assertThat(Renewal.dnsNames(cert)).containsExactlyElementsOf(names);
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=proxy.ns.svc");
        assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(cert.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(365)));
        assertThat(issued.caPem()).isEqualTo(ca.certificatePem());
        // The key matches the certificate.
        assertThat(Pem.parsePrivateKey(issued.privateKeyPem()).getAlgorithm()).isEqualTo("RSA");
        assertThat(Renewal.matches(cert, Set.copyOf(names), ca.certificate())).isTrue();
    }

    @Test
    void aClientCertificateIsForClientAuthentication() throws Exception {
        IssuedCertificate issued = ca.issue(
                new CertificateRequest(
                        "proxy.ns.svc", List.of("proxy.ns.svc"), CertificateRequest.Usage.CLIENT, Duration.ofDays(30)),
                NOW);
        assertThat(issued.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    }

    @Test
    void anExpiredCertificateNoLongerValidates() {
        IssuedCertificate issued = ca.issue(
                new CertificateRequest(
                        "short", List.of("short"), CertificateRequest.Usage.SERVER, Duration.ofMinutes(3)),
                NOW);
        assertThatThrownBy(
                        () -> assertChainsTo(issued.certificate(), ca.certificate(), NOW.plus(Duration.ofMinutes(4))))
                .hasRootCauseInstanceOf(CertificateExpiredException.class);
    }

    @Test
    void renewalIsDueWhenAThirdOfTheLifetimeIsLeftOrTheNamesChange() {
        IssuedCertificate issued = ca.issue(
                new CertificateRequest("p", List.of("p", "q"), CertificateRequest.Usage.SERVER, Duration.ofDays(300)),
                NOW);
        X509Certificate cert = issued.certificate();
        // notBefore is backdated by 5 minutes, so a third of the lifetime is just over 100 days.
        assertThat(Renewal.isDue(cert, NOW.plus(Duration.ofDays(199)))).isFalse();
        assertThat(Renewal.isDue(cert, NOW.plus(Duration.ofDays(201)))).isTrue();
        assertThat(Renewal.matches(cert, Set.of("q", "p"), ca.certificate())).isTrue();
        assertThat(Renewal.matches(cert, Set.of("p"), ca.certificate())).isFalse();
        SuiteCa other = SuiteCa.generate("another", NOW);
        assertThat(Renewal.matches(cert, Set.of("p", "q"), other.certificate())).isFalse();
    }

    @Test
    void theCaSurvivesAPemRoundTrip() throws Exception {
        SuiteCa copy = SuiteCa.fromPem(ca.certificatePem(), ca.privateKeyPem());
        IssuedCertificate issued = copy.issue(
                new CertificateRequest(
                        "x", List.of("x"), CertificateRequest.Usage.SERVER_AND_CLIENT, Duration.ofDays(1)),
                NOW);
        assertThat(Renewal.matches(issued.certificate(), Set.of("x"), ca.certificate()))
                .isTrue();
        assertThat(issued.certificate().getExtendedKeyUsage()).hasSize(2);
    }

    static void assertChainsTo(X509Certificate cert, X509Certificate root, Instant at) throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(at));
        CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(List.of(cert)), parameters);
    }

    @Test
    void aShortLivedCertificateIsDueAfterTwoThirdsOfItsLifetime() throws Exception {
        IssuedCertificate issued = ca.issue(
                new CertificateRequest("s", List.of("s"), CertificateRequest.Usage.SERVER, Duration.ofSeconds(30)),
                NOW);
        assertThat(Renewal.isDue(issued.certificate(), NOW.plusSeconds(15))).isFalse();
        assertThat(Renewal.isDue(issued.certificate(), NOW.plusSeconds(20))).isTrue();
    }
}
