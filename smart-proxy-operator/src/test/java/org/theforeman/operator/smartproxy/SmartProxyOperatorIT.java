package org.theforeman.operator.smartproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.api.v1alpha1.ExposureType;
import org.theforeman.operator.api.v1alpha1.Feature;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.api.v1alpha1.ForemanStatus;
import org.theforeman.operator.api.v1alpha1.IngressSpec;
import org.theforeman.operator.api.v1alpha1.SmartProxy;
import org.theforeman.operator.common.foreman.ForemanStandIn;
import org.theforeman.operator.common.resources.ConfigHash;
import org.theforeman.operator.common.resources.GeneratedSecrets;
import org.theforeman.operator.common.tls.SuiteCa;
import org.theforeman.operator.common.tls.SuiteCaSecret;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.RepositoryLayout;
import org.theforeman.operator.e2e.harness.TestNamespace;
import org.theforeman.operator.e2e.harness.WithControlPlane;
import org.yaml.snakeyaml.Yaml;

/**
 * The Smart Proxy operator on the real control plane, as its own ServiceAccount from
 * install/smart-proxy-operator.yaml, registering proxies with a Foreman stand-in on loopback (no Foreman
 * runs here; the stand-in implements the smart_proxies API and checks the OAuth signatures).
 */
@WithControlPlane
class SmartProxyOperatorIT {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SHORT = Duration.ofSeconds(30);

    private static SmartProxyOperatorFixture fixture;
    private static String namespace;
    private static KubernetesClient admin;
    private static ForemanStandIn foreman;
    private static SuiteCa foremanCa;

    @BeforeAll
    static void start(ControlPlane plane, TestNamespace testNamespace) {
        namespace = testNamespace.name();
        admin = plane.admin();
        foremanCa = SuiteCa.generate("Foreman stand-in CA", Instant.now());
        foreman = ForemanStandIn.https("stand-in-key", "stand-in-secret", foremanCa);
        fixture = SmartProxyOperatorFixture.start(
                plane,
                namespace,
                "smart-proxy-operator-it",
                new SmartProxyOperator.Settings(Duration.ofDays(365), Duration.ofSeconds(3), Duration.ofSeconds(6)));
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
        if (foreman != null) {
            foreman.close();
        }
    }

    private static void credentials(String name, Map<String, String> plain) {
        Map<String, String> data = new LinkedHashMap<>();
        plain.forEach((k, v) -> data.put(k, GeneratedSecrets.encode(v)));
        admin.resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace(namespace)
                        .endMetadata()
                        .withData(data)
                        .build())
                .serverSideApply();
    }

    private static Map<String, String> goodCredentials() {
        return Map.of(
                "oauth_consumer_key", "stand-in-key",
                "oauth_consumer_secret", "stand-in-secret",
                "ca.crt", foremanCa.certificatePem());
    }

    /** A proxy of the external-Foreman shape, pointed at the stand-in. */
    private static SmartProxy proxy(String name, String secret, String extra) {
        return proxy(name, secret, "{logs: {}}", extra);
    }

    private static SmartProxy proxy(String name, String secret, String features, String extra) {
        return fixture.create("""
                apiVersion: app.theforeman.org/v1alpha1
                kind: SmartProxy
                metadata: {name: %s}
                spec:
                  foreman: {url: '%s', credentials_secret: %s}
                  features: %s
                %s
                """.formatted(name, foreman.url(), secret, features, extra));
    }

    private static <T extends HasMetadata> T get(Class<T> type, String name) {
        return admin.resources(type).inNamespace(namespace).withName(name).get();
    }

    private static List<ReplicaSet> replicaSets(String proxy) {
        return admin.apps()
                .replicaSets()
                .inNamespace(namespace)
                .withLabel("app.kubernetes.io/instance", proxy)
                .list()
                .getItems();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> settingsFile(String proxy, String file) {
        ConfigMap config = get(ConfigMap.class, proxy + "-config");
        return (Map<String, Object>) new Yaml().load(config.getData().get(file));
    }

    /** The stand-in's requests about one proxy (other tests' proxies may retry meanwhile). */
    private static List<ForemanStandIn.Request> requestsAbout(String name, Long id) {
        return foreman.requests().stream()
                .filter(r -> r.body().contains(name)
                        || (r.query() != null && r.query().contains(name))
                        || (id != null && r.path().matches("/api/v2/smart_proxies/" + id + "(/.*)?")))
                .toList();
    }

    private static List<String> writesAbout(String name, Long id) {
        return requestsAbout(name, id).stream()
                .filter(r -> !r.method().equals("GET"))
                .map(ForemanStandIn.Request::toString)
                .toList();
    }

    @Test
    void theExternalForemanSampleRegistersThenRefreshesOnAFeatureChangeAndRestsAtSteadyState() throws Exception {
        String sample = Files.readString(RepositoryLayout.root().resolve("samples/smartproxy-external-foreman.yaml"));
        long writesBefore = fixture.operator().writes();
        Instant started = Instant.now();
        for (String document : sample.split("(?m)^---$")) {
            if (document.contains("kind: Secret")) {
                credentials(
                        Serialization.unmarshal(document, Secret.class)
                                .getMetadata()
                                .getName(),
                        goodCredentials());
            } else if (document.contains("kind: SmartProxy")) {
                SmartProxy proxy = Serialization.unmarshal(document, SmartProxy.class);
                proxy.getSpec().getForeman().setUrl(foreman.url().toString());
                proxy.getMetadata().setNamespace(namespace);
                admin.resource(proxy).create();
            }
        }
        fixture.awaitReady("proxy-dc1", READY_TIMEOUT);
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        long writesToReady = fixture.operator().writes() - writesBefore;

        String host = "proxy-dc1." + namespace + ".svc";
        SmartProxy ready = fixture.proxy("proxy-dc1").get();
        assertThat(ready.getStatus().getUrl()).isEqualTo("https://" + host + ":8443");
        assertThat(ready.getStatus().getRegisteredName()).isEqualTo(host);
        assertThat(ready.getStatus().getForemanUrl()).isEqualTo(foreman.url().toString());
        assertThat(ready.getStatus().getProxyId()).isPositive();
        assertThat(ready.getStatus().getSshPublicKey()).startsWith("ssh-rsa ").endsWith(" foreman-proxy@" + host);
        assertThat(fixture.condition("proxy-dc1", "Registered").getMessage()).contains(host);
        assertThat(foreman.smartProxies())
                .anySatisfy(p -> assertThat(p.path("url").asText()).isEqualTo("https://" + host + ":8443"));
        Long id = ready.getStatus().getProxyId();
        assertThat(requestsAbout("proxy-dc1", id)).allMatch(ForemanStandIn.Request::authenticated);
        assertThat(writesAbout("proxy-dc1", id)).containsExactly("POST /api/v2/smart_proxies");

        // What the pods get: settings, features, plugins, certificates, the SSH key, as uid 991.
        Deployment deployment = get(Deployment.class, "proxy-dc1");
        var pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(991L);
        assertThat(pod.getContainers().get(0).getImage()).isEqualTo("quay.io/foreman/foreman-proxy:nightly");
        assertThat(pod.getContainers().get(0).getEnv())
                .anySatisfy(e -> assertThat(e.getName() + "=" + e.getValue())
                        .isEqualTo("FOREMAN_PROXY_ENABLED_PLUGINS=remote_execution_ssh ansible"));
        assertThat(pod.getContainers().get(0).getReadinessProbe().getHttpGet().getScheme())
                .isEqualTo("HTTPS");
        assertThat(settingsFile("proxy-dc1", "settings.yml"))
                .containsEntry(":foreman_url", foreman.url().toString())
                .containsEntry(":trusted_hosts", List.of("foreman.example.com"))
                .containsEntry(":foreman_ssl_ca", "/etc/foreman-proxy/tls/foreman/ca.crt");
        assertThat(settingsFile("proxy-dc1", "remote_execution_ssh.yml")).containsEntry(":enabled", true);
        assertThat(settingsFile("proxy-dc1", "bmc.yml")).containsEntry(":enabled", false);
        assertThat(get(Service.class, "proxy-dc1").getSpec().getType()).isEqualTo("LoadBalancer");
        assertThat(get(Secret.class, "proxy-dc1-tls").getType()).isEqualTo("kubernetes.io/tls");
        assertThat(get(Secret.class, SuiteCaSecret.NAME)).isNotNull();

        int requestsBefore = requestsAbout("proxy-dc1", id).size();
        long steadyFrom = fixture.operator().writes();
        long steadySeconds = Long.getLong("steadyStateSeconds", 20);
        Thread.sleep(TimeUnit.SECONDS.toMillis(steadySeconds));
        long steadyWrites = fixture.operator().writes() - steadyFrom;
        System.out.printf(
                "BENCH smartproxy sample: Ready after %.1f s, %d API writes to Ready, %d writes and %d Foreman requests"
                        + " in %d s of steady state%n",
                seconds,
                writesToReady,
                steadyWrites,
                requestsAbout("proxy-dc1", id).size() - requestsBefore,
                steadySeconds);
        assertThat(steadyWrites).as("writes at steady state").isZero();
        assertThat(requestsAbout("proxy-dc1", id))
                .as("Foreman requests at steady state")
                .hasSize(requestsBefore);

        // A feature toggled: one roll, the new settings.d content, and a refresh in Foreman.
        int replicaSetsBefore = replicaSets("proxy-dc1").size();
        String hashBefore = deployment
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations()
                .get(ConfigHash.ANNOTATION);
        long toggleFrom = fixture.operator().writes();
        fixture.proxy("proxy-dc1").edit(p -> {
            p.getSpec().getFeatures().setBmc(new Feature());
            p.getSpec().getFeatures().setTemplates(new Feature(false));
            return p;
        });
        await().atMost(READY_TIMEOUT).untilAsserted(() -> {
            assertThat(writesAbout("proxy-dc1", id))
                    .containsExactly("POST /api/v2/smart_proxies", "PUT /api/v2/smart_proxies/" + id + "/refresh");
            assertThat(fixture.condition("proxy-dc1", "Ready").getStatus()).isEqualTo("True");
            assertThat(fixture.condition("proxy-dc1", "Ready").getObservedGeneration())
                    .isEqualTo(fixture.proxy("proxy-dc1").get().getMetadata().getGeneration());
        });
        assertThat(settingsFile("proxy-dc1", "bmc.yml"))
                .containsEntry(":enabled", true)
                .containsEntry(":bmc_default_provider", "freeipmi");
        assertThat(settingsFile("proxy-dc1", "templates.yml")).isEqualTo(Map.of(":enabled", false));
        Thread.sleep(3000);
        assertThat(replicaSets("proxy-dc1")).as("one roll").hasSize(replicaSetsBefore + 1);
        assertThat(get(Deployment.class, "proxy-dc1")
                        .getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getAnnotations())
                .doesNotContainEntry(ConfigHash.ANNOTATION, hashBefore);
        System.out.printf(
                "BENCH smartproxy feature toggle: %d API writes, %d Foreman writes%n",
                fixture.operator().writes() - toggleFrom,
                writesAbout("proxy-dc1", id).size() - 1);
    }

    @Test
    void aMissingSecretOrKeyIsNamedAndTheProxyBecomesReadyOnceFixed() {
        proxy("creds", "creds-foreman", "");
        var missing = fixture.awaitCondition("creds", "Registered", "False", "CredentialsSecretNotFound", SHORT);
        assertThat(missing.getMessage()).contains("Secret creds-foreman").contains("foreman.credentials_secret");
        assertThat(fixture.condition("creds", "Ready").getStatus()).isEqualTo("False");
        assertThat(get(Deployment.class, "creds"))
                .as("nothing deployed meanwhile")
                .isNull();

        credentials("creds-foreman", Map.of("oauth_consumer_key", "stand-in-key"));
        var noKey = fixture.awaitCondition("creds", "Registered", "False", "CredentialsKeyMissing", SHORT);
        assertThat(noKey.getMessage()).isEqualTo("Secret creds-foreman has no key oauth_consumer_secret.");

        credentials("creds-foreman", goodCredentials());
        fixture.awaitReady("creds", READY_TIMEOUT);
    }

    @Test
    void wrongCredentialsAndAProxyForemanCannotReachAreReportedInForemansWords() {
        credentials(
                "wrong-foreman",
                Map.of(
                        "oauth_consumer_key",
                        "stand-in-key",
                        "oauth_consumer_secret",
                        "not-it",
                        "ca.crt",
                        foremanCa.certificatePem()));
        proxy("wrong", "wrong-foreman", "");
        var refused = fixture.awaitCondition("wrong", "Registered", "False", "ForemanUnauthorized", SHORT);
        assertThat(refused.getMessage()).contains("Unable to authenticate user").doesNotContain("not-it");
        fixture.proxy("wrong").delete();

        foreman.proxyUnreachable(true);
        try {
            credentials("unreachable-foreman", goodCredentials());
            proxy("unreachable", "unreachable-foreman", "");
            var rejected = fixture.awaitCondition("unreachable", "Registered", "False", "ForemanRejectedProxy", SHORT);
            assertThat(rejected.getMessage()).contains("Unable to communicate with the proxy");
        } finally {
            foreman.proxyUnreachable(false);
        }
        fixture.awaitReady("unreachable", READY_TIMEOUT);
    }

    @Test
    void foremanDownIsReportedAndTheProxyRegistersWhenItIsBack() {
        credentials("down-foreman", goodCredentials());
        foreman.stop();
        try {
            proxy("down", "down-foreman", "");
            var down = fixture.awaitCondition("down", "Registered", "False", "ForemanUnreachable", SHORT);
            assertThat(down.getMessage()).contains(foreman.url().toString());
            assertThat(fixture.condition("down", "ProxyReady").getStatus()).isEqualTo("True");
        } finally {
            foreman.start();
        }
        fixture.awaitReady("down", READY_TIMEOUT);
    }

    @Test
    void theCaAndTheSshKeySurviveDeleteAndRecreate() {
        credentials("keep-foreman", goodCredentials());
        proxy("keep", "keep-foreman", "{dynflow: {}, remote_execution_ssh: {}}", "  deletion_policy: Retain\n");
        fixture.awaitReady("keep", READY_TIMEOUT);
        await().atMost(SHORT)
                .until(() -> fixture.proxy("keep").get().getStatus().getSshPublicKey() != null);
        String publicKey = fixture.proxy("keep").get().getStatus().getSshPublicKey();
        String caUid = get(Secret.class, SuiteCaSecret.NAME).getMetadata().getUid();
        String tlsCrt = get(Secret.class, "keep-tls").getData().get("tls.crt");

        fixture.proxy("keep").delete();
        await().atMost(SHORT).until(() -> fixture.proxy("keep").get() == null && get(Deployment.class, "keep") == null);
        assertThat(get(Secret.class, "keep-ssh")).isNotNull();
        assertThat(get(Secret.class, "keep-tls")).isNotNull();
        assertThat(foreman.smartProxies())
                .as("Retain keeps the record")
                .anySatisfy(p -> assertThat(p.path("name").asText()).startsWith("keep."));

        proxy("keep", "keep-foreman", "{dynflow: {}, remote_execution_ssh: {}}", "");
        fixture.awaitReady("keep", READY_TIMEOUT);
        await().atMost(SHORT)
                .untilAsserted(
                        () -> assertThat(fixture.proxy("keep").get().getStatus().getSshPublicKey())
                                .isEqualTo(publicKey));
        assertThat(get(Secret.class, SuiteCaSecret.NAME).getMetadata().getUid()).isEqualTo(caUid);
        assertThat(get(Secret.class, "keep-tls").getData().get("tls.crt")).isEqualTo(tlsCrt);
    }

    @Test
    void driftIsRepaired() {
        credentials("drift-foreman", goodCredentials());
        proxy("drift", "drift-foreman", "");
        fixture.awaitReady("drift", READY_TIMEOUT);
        String oldUid = get(Deployment.class, "drift").getMetadata().getUid();
        admin.apps().deployments().inNamespace(namespace).withName("drift").delete();
        await().atMost(SHORT).untilAsserted(() -> {
            Deployment again = get(Deployment.class, "drift");
            assertThat(again).isNotNull();
            assertThat(again.getMetadata().getUid()).isNotEqualTo(oldUid);
        });
        admin.services().inNamespace(namespace).withName("drift").edit(s -> {
            s.getSpec().getPorts().get(0).setPort(9999);
            return s;
        });
        await().atMost(SHORT)
                .untilAsserted(() -> assertThat(get(Service.class, "drift")
                                .getSpec()
                                .getPorts()
                                .get(0)
                                .getPort())
                        .isEqualTo(8443));
        admin.configMaps().inNamespace(namespace).withName("drift-config").edit(c -> {
            c.getData().put("logs.yml", "---\n:enabled: false\n");
            return c;
        });
        await().atMost(SHORT)
                .untilAsserted(
                        () -> assertThat(settingsFile("drift", "logs.yml")).containsEntry(":enabled", true));
        fixture.awaitReady("drift", READY_TIMEOUT);

        // An Ingress (TLS passthrough) comes with ingress.type and goes without it; the URL follows the host.
        fixture.proxy("drift").edit(p -> {
            var ingress = new IngressSpec();
            ingress.setType(ExposureType.ingress);
            ingress.setHost("drift.example.com");
            p.getSpec().setIngress(ingress);
            return p;
        });
        await().atMost(SHORT).untilAsserted(() -> {
            assertThat(get(Ingress.class, "drift")).isNotNull();
            assertThat(fixture.proxy("drift").get().getStatus().getUrl()).isEqualTo("https://drift.example.com");
        });
        assertThat(foreman.smartProxies())
                .anySatisfy(p -> assertThat(p.path("url").asText()).isEqualTo("https://drift.example.com"));
        fixture.proxy("drift").edit(p -> {
            p.getSpec().setIngress(null);
            return p;
        });
        await().atMost(SHORT)
                .untilAsserted(() -> assertThat(get(Ingress.class, "drift")).isNull());
        fixture.awaitReady("drift", READY_TIMEOUT);
    }

    @Test
    void deletionPolicyDeleteRemovesTheRecordAndGivesUpWhenForemanIsDown() {
        credentials("gone-foreman", goodCredentials());
        proxy("gone", "gone-foreman", "  deletion_policy: Delete\n");
        fixture.awaitReady("gone", READY_TIMEOUT);
        long id = fixture.proxy("gone").get().getStatus().getProxyId();
        fixture.proxy("gone").delete();
        await().atMost(SHORT).until(() -> fixture.proxy("gone").get() == null);
        assertThat(foreman.smartProxies())
                .noneSatisfy(p -> assertThat(p.path("id").asLong()).isEqualTo(id));
        assertThat(foreman.requests().stream().map(ForemanStandIn.Request::toString))
                .contains("DELETE /api/v2/smart_proxies/" + id);

        proxy("stuck", "gone-foreman", "  deletion_policy: Delete\n");
        fixture.awaitReady("stuck", READY_TIMEOUT);
        foreman.stop();
        try {
            Instant deleted = Instant.now();
            fixture.proxy("stuck").delete();
            await().atMost(SHORT).until(() -> fixture.proxy("stuck").get() == null);
            assertThat(Duration.between(deleted, Instant.now())).isLessThan(Duration.ofSeconds(25));
            await().atMost(SHORT)
                    .untilAsserted(() -> assertThat(admin.v1()
                                    .events()
                                    .inNamespace(namespace)
                                    .list()
                                    .getItems())
                            .anySatisfy(e -> {
                                assertThat(e.getReason()).isEqualTo("DeregistrationAbandoned");
                                assertThat(e.getType()).isEqualTo("Warning");
                            }));
        } finally {
            foreman.start();
        }
    }

    @Test
    void aSuiteForemanIsWaitedForUntilItsWebIsReady() throws Exception {
        credentials("myforeman-api", goodCredentials());
        Foreman myforeman = new Foreman();
        myforeman.getMetadata().setName("myforeman");
        myforeman.getMetadata().setNamespace(namespace);
        myforeman = admin.resource(myforeman).create();
        String sample = Files.readString(RepositoryLayout.root().resolve("samples/smartproxy-suite-foreman.yaml"));
        SmartProxy proxy = Serialization.unmarshal(sample, SmartProxy.class);
        proxy.getMetadata().setNamespace(namespace);
        admin.resource(proxy).create();
        var waiting = fixture.awaitCondition("myforeman-proxy", "Registered", "False", "WaitingForForeman", SHORT);
        assertThat(waiting.getMessage()).contains("Foreman myforeman");

        ForemanStatus status = new ForemanStatus();
        status.setInternalUrl(foreman.url().toString());
        status.setCredentialsSecret("myforeman-api");
        // Ready stays False (it waits for this proxy); WebReady is what the proxy waits for.
        status.setConditions(List.of(
                condition("WebReady", "True", myforeman.getMetadata().getGeneration()),
                condition("Ready", "False", myforeman.getMetadata().getGeneration())));
        myforeman.setStatus(status);
        long changed = System.nanoTime();
        admin.resource(myforeman).updateStatus();
        // The Foreman is watched: its change wakes the proxy, well before the next look of a poll
        // (SmartProxyReconciler.RECHECK after the reconcile that reported WaitingForForeman just now).
        await().atMost(SmartProxyReconciler.RECHECK.dividedBy(2))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(fixture.condition("myforeman-proxy", "Registered")
                                .getReason())
                        .isNotEqualTo("WaitingForForeman"));
        System.out.printf("proxy moved on %.2f s after its Foreman's WebReady%n", (System.nanoTime() - changed) / 1e9);
        fixture.awaitReady("myforeman-proxy", READY_TIMEOUT);
        assertThat(fixture.proxy("myforeman-proxy").get().getStatus().getForemanUrl())
                .isEqualTo(foreman.url().toString());
        assertThat(settingsFile("myforeman-proxy", "bmc.yml")).containsEntry(":enabled", true);
    }

    private static Condition condition(String type, String status, Long generation) {
        return new ConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason("Test")
                .withMessage("set by the test")
                .withObservedGeneration(generation)
                .withLastTransitionTime("2026-01-01T00:00:00Z")
                .build();
    }

    @Test
    void certManagerMissingAndAnIncompleteTlsSecretAreNamed() {
        credentials("tls-foreman", goodCredentials());
        proxy("issued", "tls-foreman", "  tls: {issuer: {name: ca-issuer}}\n");
        var noCertManager = fixture.awaitCondition("issued", "TLSReady", "False", "CertManagerNotInstalled", SHORT);
        assertThat(noCertManager.getMessage()).contains("cert-manager.io");
        assertThat(get(Deployment.class, "issued")).isNull();

        admin.resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("my-cert")
                        .withNamespace(namespace)
                        .endMetadata()
                        .withType("kubernetes.io/tls")
                        .withData(Map.of(
                                "tls.crt", GeneratedSecrets.encode("x"), "tls.key", GeneratedSecrets.encode("y")))
                        .build())
                .create();
        proxy("own", "tls-foreman", "  tls: {secret: my-cert}\n");
        var incomplete = fixture.awaitCondition("own", "TLSReady", "False", "TLSSecretKeyMissing", SHORT);
        assertThat(incomplete.getMessage()).isEqualTo("Secret my-cert (tls.secret) has no key ca.crt.");
    }
}
