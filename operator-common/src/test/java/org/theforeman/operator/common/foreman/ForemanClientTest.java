package org.theforeman.operator.common.foreman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.common.tls.SuiteCa;

/** The client against the stand-in: every endpoint, each failure class, OAuth, basic auth and ca.crt. */
class ForemanClientTest {
    private ForemanStandIn foreman;

    @AfterEach
    void stop() {
        if (foreman != null) {
            foreman.close();
        }
    }

    private ForemanClient oauthClient(String secret) {
        return new ForemanClient(foreman.url(), ForemanCredentials.oauth("key", secret, null), Duration.ofSeconds(5));
    }

    @Test
    void createsFindsUpdatesRefreshesAndDeletesARecord() throws Exception {
        foreman = ForemanStandIn.http("key", "secret");
        foreman.proxyFeatures(url -> List.of("Logs", "Script"));
        ForemanClient client = oauthClient("secret");

        assertThat(client.findSmartProxy("p.ns.svc")).isEmpty();
        SmartProxyRecord created = client.createSmartProxy("p.ns.svc", "https://p.ns.svc:8443");
        assertThat(created.id()).isPositive();
        assertThat(created.features()).containsExactly("Logs", "Script");
        assertThat(client.findSmartProxy("p.ns.svc")).contains(created);

        SmartProxyRecord moved = client.updateSmartProxy(created.id(), "p.ns.svc", "https://proxy.example.com");
        assertThat(moved.url()).isEqualTo("https://proxy.example.com");
        foreman.proxyFeatures(url -> List.of("Logs"));
        assertThat(client.refreshSmartProxy(created.id()).features()).containsExactly("Logs");

        client.deleteSmartProxy(created.id());
        client.deleteSmartProxy(created.id()); // gone already: fine
        assertThat(client.findSmartProxy("p.ns.svc")).isEmpty();
        assertThat(foreman.requests()).allMatch(ForemanStandIn.Request::authenticated);
        assertThat(foreman.requests().stream().map(ForemanStandIn.Request::toString))
                .contains(
                        "POST /api/v2/smart_proxies",
                        "PUT /api/v2/smart_proxies/1/refresh",
                        "DELETE /api/v2/smart_proxies/1");
    }

    @Test
    void aWrongSecretIsUnauthorizedWithForemansMessage() {
        foreman = ForemanStandIn.http("key", "secret");
        assertThatThrownBy(() -> oauthClient("wrong").findSmartProxy("x"))
                .isInstanceOfSatisfying(ForemanApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ForemanApiException.Kind.UNAUTHORIZED);
                    assertThat(e.foremanMessage()).startsWith("Unable to authenticate user");
                    assertThat(e.getMessage()).doesNotContain("wrong");
                });
    }

    @Test
    void anUnreachableProxyIs422WithForemansFullMessages() {
        foreman = ForemanStandIn.http("key", "secret");
        foreman.proxyUnreachable(true);
        assertThatThrownBy(() -> oauthClient("secret").createSmartProxy("p", "https://p:8443"))
                .isInstanceOfSatisfying(ForemanApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ForemanApiException.Kind.UNPROCESSABLE);
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.foremanMessage()).startsWith("Unable to communicate with the proxy");
                });
    }

    @Test
    void aDuplicateNameIs422() throws Exception {
        foreman = ForemanStandIn.http("key", "secret");
        foreman.addSmartProxy("p", "https://other:8443");
        assertThatThrownBy(() -> oauthClient("secret").createSmartProxy("p", "https://p:8443"))
                .isInstanceOfSatisfying(
                        ForemanApiException.class,
                        e -> assertThat(e.foremanMessage()).isEqualTo("Name has already been taken"));
    }

    @Test
    void anUnknownIdIs404() {
        foreman = ForemanStandIn.http("key", "secret");
        assertThatThrownBy(() -> oauthClient("secret").refreshSmartProxy(42))
                .isInstanceOfSatisfying(ForemanApiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ForemanApiException.Kind.NOT_FOUND);
                    assertThat(e.foremanMessage()).isEqualTo("Resource smart_proxy not found by id '42'");
                });
    }

    @Test
    void aStoppedForemanIsUnreachableAndComesBackOnTheSamePort() throws Exception {
        foreman = ForemanStandIn.http("key", "secret");
        ForemanClient client = oauthClient("secret");
        foreman.stop();
        assertThatThrownBy(() -> client.findSmartProxy("x"))
                .isInstanceOfSatisfying(
                        ForemanApiException.class,
                        e -> assertThat(e.kind()).isEqualTo(ForemanApiException.Kind.UNREACHABLE));
        foreman.start();
        assertThat(client.findSmartProxy("x")).isEmpty();
    }

    @Test
    void httpsIsVerifiedWithCaCrt() throws Exception {
        SuiteCa ca = SuiteCa.generate("test CA", Instant.now());
        foreman = ForemanStandIn.https("key", "secret", ca);
        ForemanClient trusting = new ForemanClient(
                foreman.url(), ForemanCredentials.oauth("key", "secret", ca.certificatePem()), Duration.ofSeconds(5));
        assertThat(trusting.findSmartProxy("x")).isEmpty();

        String otherCa = SuiteCa.generate("other", Instant.now()).certificatePem();
        ForemanClient distrusting = new ForemanClient(
                foreman.url(), ForemanCredentials.oauth("key", "secret", otherCa), Duration.ofSeconds(5));
        assertThatThrownBy(() -> distrusting.findSmartProxy("x"))
                .isInstanceOfSatisfying(
                        ForemanApiException.class,
                        e -> assertThat(e.kind()).isEqualTo(ForemanApiException.Kind.CERTIFICATE_NOT_TRUSTED));
    }

    @Test
    void basicAuthWithAUserAndPassword() throws Exception {
        foreman = ForemanStandIn.httpWithUser("admin", "changeme");
        ForemanClient client = new ForemanClient(
                foreman.url(), ForemanCredentials.basic("admin", "changeme", null), Duration.ofSeconds(5));
        assertThat(client.createSmartProxy("p", "https://p:8443").id()).isEqualTo(1);
        ForemanClient wrong = new ForemanClient(
                foreman.url(), ForemanCredentials.basic("admin", "nope", null), Duration.ofSeconds(5));
        assertThatThrownBy(() -> wrong.findSmartProxy("p")).isInstanceOf(ForemanApiException.class);
    }
}
