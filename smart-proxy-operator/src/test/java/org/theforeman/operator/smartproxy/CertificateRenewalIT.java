package org.theforeman.operator.smartproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.common.foreman.ForemanStandIn;
import org.theforeman.operator.common.resources.ConfigHash;
import org.theforeman.operator.common.resources.GeneratedSecrets;
import org.theforeman.operator.common.tls.Pem;
import org.theforeman.operator.common.tls.SuiteCaSecret;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.TestNamespace;
import org.theforeman.operator.e2e.harness.WithControlPlane;

/** Certificates issued with a 30 s lifetime are renewed after about 20 s, and the pods roll onto them. */
@WithControlPlane
class CertificateRenewalIT {
    private static SmartProxyOperatorFixture fixture;
    private static ForemanStandIn foreman;
    private static KubernetesClient admin;
    private static String namespace;

    @BeforeAll
    static void start(ControlPlane plane, TestNamespace testNamespace) {
        namespace = testNamespace.name();
        admin = plane.admin();
        foreman = ForemanStandIn.http("k", "s");
        fixture = SmartProxyOperatorFixture.start(
                plane,
                namespace,
                "renewal-it",
                new SmartProxyOperator.Settings(Duration.ofSeconds(30), Duration.ofSeconds(3), Duration.ofSeconds(5)));
    }

    @AfterAll
    static void stop() {
        fixture.close();
        foreman.close();
    }

    private static X509Certificate certificate(String secret) {
        Secret s = admin.secrets().inNamespace(namespace).withName(secret).get();
        return Pem.parseCertificate(GeneratedSecrets.decode(s.getData().get("tls.crt")));
    }

    private static String configHash() {
        Deployment d = admin.apps()
                .deployments()
                .inNamespace(namespace)
                .withName("short")
                .get();
        return d.getSpec().getTemplate().getMetadata().getAnnotations().get(ConfigHash.ANNOTATION);
    }

    @Test
    void certificatesAreRenewedBeforeTheyExpireAndThePodsRoll() {
        admin.resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("creds")
                        .withNamespace(namespace)
                        .endMetadata()
                        .withData(Map.of(
                                "oauth_consumer_key", GeneratedSecrets.encode("k"),
                                "oauth_consumer_secret", GeneratedSecrets.encode("s")))
                        .build())
                .create();
        fixture.create("""
                apiVersion: app.theforeman.org/v1alpha1
                kind: SmartProxy
                metadata: {name: short}
                spec:
                  foreman: {url: '%s', credentials_secret: creds}
                  features: {logs: {}}
                """.formatted(foreman.url()));
        fixture.awaitReady("short", Duration.ofSeconds(60));
        X509Certificate first = certificate("short-tls");
        X509Certificate firstClient = certificate("short-foreman-client-tls");
        String hash = configHash();
        assertThat(Duration.between(
                        first.getNotBefore().toInstant(), first.getNotAfter().toInstant()))
                .isLessThanOrEqualTo(Duration.ofSeconds(34));

        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> {
            X509Certificate renewed = certificate("short-tls");
            assertThat(renewed.getSerialNumber()).isNotEqualTo(first.getSerialNumber());
            assertThat(certificate("short-foreman-client-tls").getSerialNumber())
                    .isNotEqualTo(firstClient.getSerialNumber());
            // Renewed before the old one expired, by the same CA.
            assertThat(renewed.getNotBefore().toInstant())
                    .isBefore(first.getNotAfter().toInstant());
            renewed.verify(SuiteCaSecret.fromSecret(admin.secrets()
                            .inNamespace(namespace)
                            .withName(SuiteCaSecret.NAME)
                            .get())
                    .certificate()
                    .getPublicKey());
            assertThat(configHash()).isNotEqualTo(hash);
        });
        assertThat(Instant.now()).isBefore(first.getNotAfter().toInstant().plusSeconds(15));
        fixture.awaitReady("short", Duration.ofSeconds(60));
    }
}
