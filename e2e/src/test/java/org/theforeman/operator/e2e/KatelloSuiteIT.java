package org.theforeman.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.api.v1alpha1.SmartProxy;
import org.theforeman.operator.api.v1alpha1.SmartProxyFeatures;
import org.theforeman.operator.common.foreman.ForemanStandIn;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.RepositoryLayout;
import org.theforeman.operator.e2e.harness.WithControlPlane;

/**
 * The seed's example, verbatim, in namespace foreman, with the three operators as processes (each its own
 * ServiceAccount): the Foreman creates Candlepin, a Pulp and a SmartProxy; both children become Ready
 * through their own operators; the child proxy and the Pulp are registered with the Foreman API stand-in,
 * which sits behind Foreman's web pods: the operators run outside the cluster with
 * CLUSTER_ENDPOINTS=port-forward, the API server forwards to the fake pod, kwok forwards that to the
 * stand-in (a ClusterPortForward). Then a broken child, Katello off and on (data kept), remote execution
 * off and on (one roll, features refreshed), and samples/foreman-katello.yaml.
 */
@WithControlPlane
class KatelloSuiteIT {
    private static final String NS = "foreman";
    private static final String FOREMAN = "myforeman";
    private static final Duration READY = Duration.ofSeconds(180);

    @Test
    void theSeedExampleBecomesReadyWithItsChildrenAndTogglesKeepData(ControlPlane plane) throws Exception {
        KubernetesClient admin = plane.admin();
        plane.applyCrds(RepositoryLayout.root().resolve("install/crds"));
        createNamespace(admin);
        try (ForemanStandIn foreman = ForemanStandIn.http("not-yet", "not-yet")) {
            foreman.proxyFeatures(url -> features(admin, url));
            forwardWebPodsTo(admin, foreman.url().getPort());
            try (SuiteOperators operators = SuiteOperators.start(plane, NS)) {
                try {
                    seed(admin, foreman, operators);
                    brokenChild(admin);
                    katelloOffAndOn(admin);
                    remoteExecutionOffAndOn(admin, foreman);
                    katelloSample(admin, foreman);
                } catch (AssertionError | RuntimeException e) {
                    System.out.println(operators.logs());
                    throw e;
                }
            }
        } finally {
            admin.genericKubernetesResources("kwok.x-k8s.io/v1alpha1", "ClusterPortForward")
                    .withName("foreman-web-stand-in")
                    .delete();
            admin.namespaces().withName(NS).delete();
        }
    }

    private void seed(KubernetesClient admin, ForemanStandIn standIn, SuiteOperators operators) throws Exception {
        List<HasMetadata> seed;
        try (var in = Files.newInputStream(RepositoryLayout.root().resolve("samples/foreman-seed.yaml"))) {
            seed = admin.load(in).items();
        }
        long applied = System.nanoTime();
        seed.forEach(o -> admin.resource(o).create());
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> pulp(admin) != null && proxy(admin) != null);
        double childrenCreated = seconds(applied);
        acceptOAuthOf(admin, standIn, FOREMAN);
        awaitForemanReady(admin, FOREMAN);
        double ready = seconds(applied);

        Foreman foreman = foreman(admin, FOREMAN);
        for (HasMetadata child : List.of(pulp(admin), proxy(admin))) {
            assertThat(child.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
                assertThat(o.getUid()).isEqualTo(foreman.getMetadata().getUid());
                assertThat(o.getController()).isTrue();
            });
        }
        assertThat(condition(pulp(admin).getStatus().getConditions(), "Ready")).isEqualTo("True");
        assertThat(condition(proxy(admin).getStatus().getConditions(), "Ready")).isEqualTo("True");
        assertThat(condition(foreman.getStatus().getConditions(), "PulpReady")).isEqualTo("True");
        assertThat(condition(foreman.getStatus().getConditions(), "SmartProxyReady"))
                .isEqualTo("True");
        assertThat(condition(foreman.getStatus().getConditions(), "CandlepinReady"))
                .isEqualTo("True");
        assertThat(admin.apps()
                        .deployments()
                        .inNamespace(NS)
                        .withName(FOREMAN + "-candlepin")
                        .get())
                .isNotNull();
        assertThat(readyPods(admin, FOREMAN + "-dynflow-worker")).isEqualTo(2);
        assertThat(standIn.smartProxies())
                .extracting(p -> p.path("name").asText())
                .contains(FOREMAN + "-pulp");
        assertThat(standIn.smartProxies())
                .filteredOn(p -> p.path("name").asText().equals(FOREMAN + "-pulp"))
                .singleElement()
                .satisfies(p -> assertThat(p.path("url").asText()).endsWith("/pulp/api/v3/smart_proxy"));
        assertThat(proxy(admin).getStatus().getProxyId()).isNotNull();

        Map<String, Double> writes = operators.writes();
        System.out.printf(
                "BENCH seed example: children created %.2f s after apply, Foreman Ready after %.2f s; writes %s%n",
                childrenCreated, ready, writes);
        Thread.sleep(10_000);
        assertThat(operators.writes()).as("no write at steady state").isEqualTo(writes);

        // A user's edit of a child's spec is set back by the Foreman's operator.
        admin.resources(Pulp.class).inNamespace(NS).withName(FOREMAN + "-pulp").edit(p -> {
            p.getSpec().setImageVersion("0.1");
            return p;
        });
        long edited = System.nanoTime();
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> "3.73".equals(pulp(admin).getSpec().getImageVersion()));
        System.out.printf("BENCH child spec edit set back after %.2f s%n", seconds(edited));
        awaitSettled(admin);
    }

    /** A child made not Ready: an invalid key in the Pulp's settings ConfigMap; then fixed. */
    private void brokenChild(KubernetesClient admin) {
        String settings = FOREMAN + "-pulp-katello-settings";
        admin.configMaps().inNamespace(NS).withName(settings).edit(c -> {
            c.getData().put("not_a_setting", "1");
            return c;
        });
        long broken = System.nanoTime();
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    var conditions = foreman(admin, FOREMAN).getStatus().getConditions();
                    return "False".equals(condition(conditions, "PulpReady"))
                            && "False".equals(condition(conditions, "Ready"))
                            && message(conditions, "PulpReady").contains("Pulp " + FOREMAN + "-pulp is not Ready");
                });
        double notReady = seconds(broken);
        System.out.println("PulpReady while broken: "
                + message(foreman(admin, FOREMAN).getStatus().getConditions(), "PulpReady"));
        admin.configMaps().inNamespace(NS).withName(settings).edit(c -> {
            c.getData().remove("not_a_setting");
            return c;
        });
        long fixed = System.nanoTime();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    var conditions = foreman(admin, FOREMAN).getStatus().getConditions();
                    return "True".equals(condition(conditions, "PulpReady"))
                            && "True".equals(condition(conditions, "Ready"));
                });
        System.out.printf(
                "BENCH broken child: Foreman PulpReady and Ready False after %.2f s, True again %.2f s after the fix%n",
                notReady, seconds(fixed));
        awaitSettled(admin);
    }

    private void katelloOffAndOn(KubernetesClient admin) {
        Map<String, String> claims = claimUids(admin);
        Map<String, Map<String, String>> secrets = keptSecrets(admin);
        assertThat(claims).containsKeys(FOREMAN + "-pulp-file-storage");
        setPlugin(admin, "katello", false);
        long off = System.nanoTime();
        await().atMost(READY)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> pulp(admin) == null
                        && admin.apps()
                                        .deployments()
                                        .inNamespace(NS)
                                        .withName(FOREMAN + "-candlepin")
                                        .get()
                                == null);
        awaitForemanReady(admin, FOREMAN);
        assertThat(foreman(admin, FOREMAN).getStatus().getPlugins()).doesNotContain("katello");
        // remote_execution still needs the proxy.
        assertThat(proxy(admin)).isNotNull();
        assertThat(claimUids(admin)).as("claims kept while Katello is off").containsAllEntriesOf(claims);
        System.out.printf("BENCH katello off: Candlepin and Pulp gone, Foreman Ready in %.2f s%n", seconds(off));

        setPlugin(admin, "katello", true);
        long on = System.nanoTime();
        awaitForemanReady(admin, FOREMAN);
        assertThat(pulp(admin)).isNotNull();
        assertThat(admin.apps()
                        .deployments()
                        .inNamespace(NS)
                        .withName(FOREMAN + "-candlepin")
                        .get())
                .isNotNull();
        assertThat(claimUids(admin)).as("the same claims").isEqualTo(claims);
        assertThat(keptSecrets(admin)).as("the same credentials").isEqualTo(secrets);
        awaitSettled(admin);
        System.out.printf(
                "BENCH katello on again: Ready in %.2f s, %d claims and %d Secrets identical%n",
                seconds(on), claims.size(), secrets.size());
    }

    private void remoteExecutionOffAndOn(KubernetesClient admin, ForemanStandIn standIn) {
        for (boolean on : List.of(false, true)) {
            int webBefore = revision(admin, FOREMAN + "-web");
            int workerBefore = revision(admin, FOREMAN + "-dynflow-worker");
            standIn.clearRequests();
            setPlugin(admin, "remote_execution", on);
            long changed = System.nanoTime();
            awaitForemanReady(admin, FOREMAN);
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> standIn.writes().stream()
                            .anyMatch(r -> r.method().equals("PUT") && r.path().endsWith("/refresh")));
            SmartProxyFeatures features = proxy(admin).getSpec().getFeatures();
            if (on) {
                assertThat(features.getRemoteExecutionSsh()).isNotNull();
                assertThat(foreman(admin, FOREMAN).getStatus().getPlugins()).contains("foreman_remote_execution");
            } else {
                assertThat(features == null ? null : features.getRemoteExecutionSsh())
                        .isNull();
                assertThat(foreman(admin, FOREMAN).getStatus().getPlugins()).doesNotContain("foreman_remote_execution");
            }
            migratedBeforeTheRoll(admin);
            // A rollout (also back to an earlier pod template) is one revision of the Deployment.
            assertThat(revision(admin, FOREMAN + "-web") - webBefore)
                    .as("one roll of web")
                    .isEqualTo(1);
            assertThat(revision(admin, FOREMAN + "-dynflow-worker") - workerBefore)
                    .as("one roll of the dynflow workers")
                    .isEqualTo(1);
            Deployment web = admin.apps()
                    .deployments()
                    .inNamespace(NS)
                    .withName(FOREMAN + "-web")
                    .get();
            assertThat(web.getSpec()
                            .getStrategy()
                            .getRollingUpdate()
                            .getMaxUnavailable()
                            .getIntVal())
                    .isZero();
            System.out.printf(
                    "BENCH remote_execution %s: Ready in %.2f s, one roll of web and dynflow, refresh seen: %s%n",
                    on ? "on" : "off",
                    seconds(changed),
                    standIn.writes().stream().map(Object::toString).collect(Collectors.toList()));
        }
    }

    /** samples/foreman-katello.yaml, after the seed's Foreman is deleted. */
    private void katelloSample(KubernetesClient admin, ForemanStandIn standIn) throws Exception {
        admin.resources(Foreman.class).inNamespace(NS).withName(FOREMAN).delete();
        await().atMost(Duration.ofSeconds(60)).until(() -> foreman(admin, FOREMAN) == null);
        List<HasMetadata> sample;
        try (var in = Files.newInputStream(RepositoryLayout.root().resolve("samples/foreman-katello.yaml"))) {
            sample = admin.load(in).items();
        }
        long applied = System.nanoTime();
        sample.forEach(o -> admin.resource(o).inNamespace(NS).create());
        String name = sample.get(0).getMetadata().getName();
        acceptOAuthOf(admin, standIn, name);
        awaitForemanReady(admin, name);
        Foreman foreman = foreman(admin, name);
        assertThat(condition(foreman.getStatus().getConditions(), "PulpReady")).isEqualTo("True");
        assertThat(condition(foreman.getStatus().getConditions(), "SmartProxyReady"))
                .isEqualTo("True");
        System.out.printf("BENCH samples/foreman-katello.yaml Ready after %.2f s%n", seconds(applied));
    }

    // ------------------------------------------------------------------ helpers

    private static void createNamespace(KubernetesClient admin) {
        if (admin.namespaces().withName(NS).get() != null) {
            admin.namespaces().withName(NS).delete();
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> admin.namespaces().withName(NS).get() == null);
        }
        admin.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(NS)
                        .addToLabels("app.theforeman.org/test", "true")
                        .endMetadata()
                        .build())
                .create();
        admin.serviceAccounts()
                .inNamespace(NS)
                .withName("default")
                .waitUntilCondition(sa -> sa != null, 60, TimeUnit.SECONDS);
    }

    /** kwok answers a port-forward to port 3000 of any pod in the namespace with the stand-in. */
    private static void forwardWebPodsTo(KubernetesClient admin, int port) {
        GenericKubernetesResource forward =
                Serialization.unmarshal("""
                apiVersion: kwok.x-k8s.io/v1alpha1
                kind: ClusterPortForward
                metadata: {name: foreman-web-stand-in}
                spec:
                  selector: {matchNamespaces: [%s]}
                  forwards:
                  - ports: [3000]
                    target: {address: 127.0.0.1, port: %d}
                """.formatted(NS, port), GenericKubernetesResource.class);
        admin.resource(forward).serverSideApply();
    }

    /** As Foreman would learn it from settings.yaml: the consumer the operator generated. */
    private static void acceptOAuthOf(KubernetesClient admin, ForemanStandIn standIn, String foreman) {
        Secret oauth = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> admin.secrets()
                                .inNamespace(NS)
                                .withName(foreman + "-oauth")
                                .get(),
                        s -> s != null);
        standIn.acceptOAuth(
                decode(oauth.getData().get("oauth_consumer_key")),
                decode(oauth.getData().get("oauth_consumer_secret")));
    }

    /** What a proxy would answer on /v2/features: pulpcore for the Pulp, the SmartProxy's features else. */
    private static List<String> features(KubernetesClient admin, String url) {
        if (url.contains("/pulp/api/v3/smart_proxy")) {
            return List.of("Pulpcore");
        }
        List<String> names = new ArrayList<>();
        for (SmartProxy proxy :
                admin.resources(SmartProxy.class).inNamespace(NS).list().getItems()) {
            SmartProxyFeatures features = proxy.getSpec().getFeatures();
            if (features != null) {
                Map<String, Object> map = Serialization.jsonMapper().convertValue(features, Map.class);
                names.addAll(map.keySet());
            }
        }
        return names;
    }

    private static void setPlugin(KubernetesClient admin, String plugin, boolean on) {
        admin.resources(Foreman.class).inNamespace(NS).withName(FOREMAN).edit(f -> {
            f.getSpec().getPlugins().put(plugin, on);
            return f;
        });
    }

    private static void awaitForemanReady(KubernetesClient admin, String name) {
        await().atMost(READY).pollInterval(Duration.ofMillis(100)).until(() -> {
            Foreman foreman = foreman(admin, name);
            return foreman != null
                    && foreman.getStatus() != null
                    && foreman.getStatus().getConditions() != null
                    && foreman.getStatus().getConditions().stream()
                            .anyMatch(c -> c.getType().equals("Ready")
                                    && c.getStatus().equals("True")
                                    && c.getObservedGeneration()
                                            .equals(foreman.getMetadata().getGeneration()));
        });
    }

    /** The Foreman Ready, and both children Ready for their current generation. */
    private static void awaitSettled(KubernetesClient admin) {
        awaitForemanReady(admin, FOREMAN);
        await().atMost(READY).pollInterval(Duration.ofMillis(100)).until(() -> {
            Foreman foreman = foreman(admin, FOREMAN);
            return "True".equals(condition(foreman.getStatus().getConditions(), "PulpReady"))
                    && "True".equals(condition(foreman.getStatus().getConditions(), "SmartProxyReady"))
                    && "True".equals(condition(foreman.getStatus().getConditions(), "Ready"))
                    && readyForGeneration(pulp(admin))
                    && readyForGeneration(proxy(admin));
        });
    }

    private static boolean readyForGeneration(HasMetadata child) {
        List<Condition> conditions = child instanceof Pulp pulp
                ? pulp.getStatus() == null ? null : pulp.getStatus().getConditions()
                : ((SmartProxy) child).getStatus() == null
                        ? null
                        : ((SmartProxy) child).getStatus().getConditions();
        return conditions != null
                && conditions.stream()
                        .anyMatch(c -> c.getType().equals("Ready")
                                && c.getStatus().equals("True")
                                && c.getObservedGeneration()
                                        .equals(child.getMetadata().getGeneration()));
    }

    private static Map<String, String> claimUids(KubernetesClient admin) {
        Map<String, String> uids = new TreeMap<>();
        for (PersistentVolumeClaim claim :
                admin.persistentVolumeClaims().inNamespace(NS).list().getItems()) {
            uids.put(claim.getMetadata().getName(), claim.getMetadata().getUid());
        }
        return uids;
    }

    /** The data Secrets of the Pulp and of Candlepin, by name. */
    private static Map<String, Map<String, String>> keptSecrets(KubernetesClient admin) {
        Map<String, Map<String, String>> secrets = new TreeMap<>();
        for (Secret secret : admin.secrets().inNamespace(NS).list().getItems()) {
            String name = secret.getMetadata().getName();
            if (name.startsWith(FOREMAN + "-pulp-")
                    || (name.startsWith(FOREMAN + "-candlepin-") && !name.endsWith("-config"))) {
                secrets.put(name, new TreeMap<>(secret.getData()));
            }
        }
        return secrets;
    }

    /**
     * The migration Job of the running plugin set completed, and the web ReplicaSet of the current revision
     * (when this roll created it) was created after that: migrations first.
     */
    private static void migratedBeforeTheRoll(KubernetesClient admin) {
        String plugins = String.join(" ", foreman(admin, FOREMAN).getStatus().getPlugins());
        Job job = admin.batch().v1().jobs().inNamespace(NS).list().getItems().stream()
                .filter(j -> j.getMetadata().getAnnotations() != null
                        && plugins.equals(j.getMetadata().getAnnotations().get("app.theforeman.org/plugins")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no migration Job for " + plugins));
        assertThat(job.getStatus().getCompletionTime())
                .as("migration of " + plugins)
                .isNotNull();
        String revision = String.valueOf(revision(admin, FOREMAN + "-web"));
        admin.apps().replicaSets().inNamespace(NS).list().getItems().stream()
                .filter(rs -> rs.getMetadata().getName().startsWith(FOREMAN + "-web-")
                        && revision.equals(rs.getMetadata().getAnnotations().get("deployment.kubernetes.io/revision")))
                .forEach(rs -> {
                    Instant created = Instant.parse(rs.getMetadata().getCreationTimestamp());
                    Instant migrated = Instant.parse(job.getStatus().getCompletionTime());
                    if (created.isAfter(Instant.parse(job.getMetadata().getCreationTimestamp()))) {
                        assertThat(created).as("web pods after the migration").isAfterOrEqualTo(migrated);
                    }
                });
    }

    private static int revision(KubernetesClient admin, String deployment) {
        return Integer.parseInt(admin.apps()
                .deployments()
                .inNamespace(NS)
                .withName(deployment)
                .get()
                .getMetadata()
                .getAnnotations()
                .get("deployment.kubernetes.io/revision"));
    }

    private static int readyPods(KubernetesClient admin, String deployment) {
        Deployment d =
                admin.apps().deployments().inNamespace(NS).withName(deployment).get();
        List<Pod> pods = admin.pods()
                .inNamespace(NS)
                .withLabels(d.getSpec().getSelector().getMatchLabels())
                .list()
                .getItems();
        return (int) pods.stream()
                .filter(p -> p.getStatus().getConditions().stream()
                        .anyMatch(c ->
                                c.getType().equals("Ready") && c.getStatus().equals("True")))
                .count();
    }

    private static Foreman foreman(KubernetesClient admin, String name) {
        return admin.resources(Foreman.class).inNamespace(NS).withName(name).get();
    }

    private static Pulp pulp(KubernetesClient admin) {
        return admin.resources(Pulp.class)
                .inNamespace(NS)
                .withName(FOREMAN + "-pulp")
                .get();
    }

    private static SmartProxy proxy(KubernetesClient admin) {
        return admin.resources(SmartProxy.class)
                .inNamespace(NS)
                .withName(FOREMAN + "-proxy")
                .get();
    }

    private static String condition(List<Condition> conditions, String type) {
        return conditions == null
                ? null
                : conditions.stream()
                        .filter(c -> c.getType().equals(type))
                        .map(Condition::getStatus)
                        .findFirst()
                        .orElse(null);
    }

    private static String message(List<Condition> conditions, String type) {
        return conditions.stream()
                .filter(c -> c.getType().equals(type))
                .map(Condition::getMessage)
                .findFirst()
                .orElse("");
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
