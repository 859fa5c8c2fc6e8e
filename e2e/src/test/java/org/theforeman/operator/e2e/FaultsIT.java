package org.theforeman.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.foreman.ForemanStandIn;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.LocalControlPlane;
import org.theforeman.operator.e2e.harness.RepositoryLayout;
import org.theforeman.operator.e2e.harness.TestNamespace;
import org.theforeman.operator.e2e.harness.WithControlPlane;

/**
 * Faults an operator meets in production, made on purpose: the operator killed (SIGKILL) in each phase of
 * a first reconcile, and the API server and etcd restarted under the three running operators. Each time
 * the Pulp converges with one migration Job and its generated Secrets unchanged, and the operator process
 * that saw the restart applies a change made afterwards.
 */
@WithControlPlane
class FaultsIT {
    /** An operator, its kind, and the name of the Deployment its first rollout creates. */
    record Subject(String module, String plural, String kind, String firstDeploymentSuffix) {
        @Override
        public String toString() {
            return module;
        }
    }

    static Stream<Subject> subjects() {
        return Stream.of(
                new Subject("pulp-operator", "pulps", "Pulp", "-api"),
                new Subject("foreman-operator", "foremen", "Foreman", "-web"));
    }

    @ParameterizedTest
    @MethodSource("subjects")
    void killedInEachPhaseItConvergesWithOneMigrationAndTheSameSecrets(
            Subject subject, ControlPlane plane, TestNamespace namespace) throws Exception {
        KubernetesClient admin = plane.admin();
        String ns = namespace.name();
        String name = "killed-" + subject.kind().toLowerCase();
        // All three: the Foreman operator also watches its children's kinds and waits for their CRDs.
        plane.applyCrds(RepositoryLayout.root().resolve("install/crds"));
        admin.resource(resource(subject.kind(), name, ns)).create();
        Map<String, Map<String, String>> firstSecrets = new LinkedHashMap<>();
        Map<String, Predicate<KubernetesClient>> phases = new LinkedHashMap<>();
        phases.put("credentials", c -> !generatedSecrets(c, ns, name).isEmpty());
        phases.put("migration", c -> !migrationJobs(c, ns, name).isEmpty());
        phases.put(
                "rollout",
                c -> c.apps()
                                .deployments()
                                .inNamespace(ns)
                                .withName(name + subject.firstDeploymentSuffix())
                                .get()
                        != null);
        for (var phase : phases.entrySet()) {
            try (OperatorProcess operator = start(subject.module(), plane, ns)) {
                await().atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> phase.getValue().test(admin));
                operator.kill();
                System.out.printf("%s killed in phase %s%n", subject.module(), phase.getKey());
            }
            generatedSecrets(admin, ns, name)
                    .forEach(s -> firstSecrets.putIfAbsent(s.getMetadata().getName(), s.getData()));
        }
        try (OperatorProcess operator = start(subject.module(), plane, ns)) {
            awaitReady(admin, ns, subject.kind(), name);
            assertThat(migrationJobs(admin, ns, name)).as("one migration Job").hasSize(1);
            for (Secret secret : generatedSecrets(admin, ns, name)) {
                if (firstSecrets.containsKey(secret.getMetadata().getName())) {
                    assertThat(secret.getData())
                            .as("Secret %s unchanged", secret.getMetadata().getName())
                            .isEqualTo(firstSecrets.get(secret.getMetadata().getName()));
                }
            }
            assertThat(firstSecrets)
                    .as("generated Secrets seen before the last kill")
                    .isNotEmpty();
        }
    }

    @Test
    void theSmartProxyOperatorKilledInEachPhaseConvergesWithTheSameCertificatesAndKeys(
            ControlPlane plane, TestNamespace namespace) throws Exception {
        KubernetesClient admin = plane.admin();
        String ns = namespace.name();
        plane.applyCrds(RepositoryLayout.root().resolve("install/crds/smartproxies.app.theforeman.org-v1.yml"));
        try (ForemanStandIn foreman = ForemanStandIn.http("faults-key", "faults-consumer-secret")) {
            admin.resource(new SecretBuilder()
                            .withNewMetadata()
                            .withName("killed-proxy-oauth")
                            .withNamespace(ns)
                            .endMetadata()
                            .withStringData(Map.of(
                                    "oauth_consumer_key",
                                    "faults-key",
                                    "oauth_consumer_secret",
                                    "faults-consumer-secret"))
                            .build())
                    .create();
            admin.resource(Serialization.unmarshal("""
                            apiVersion: app.theforeman.org/v1alpha1
                            kind: SmartProxy
                            metadata: {name: killed-proxy, namespace: %s}
                            spec:
                              foreman: {url: "%s", credentials_secret: killed-proxy-oauth}
                              features: {logs: {}, dynflow: {}, remote_execution_ssh: {mode: ssh}}
                            """.formatted(ns, foreman.url()), GenericKubernetesResource.class))
                    .create();
            Map<String, Map<String, String>> firstSecrets = new LinkedHashMap<>();
            Map<String, Predicate<KubernetesClient>> phases = new LinkedHashMap<>();
            phases.put(
                    "certificates",
                    c -> !generatedSecrets(c, ns, "killed-proxy").isEmpty());
            phases.put(
                    "rollout",
                    c -> c.apps()
                                    .deployments()
                                    .inNamespace(ns)
                                    .withName("killed-proxy")
                                    .get()
                            != null);
            for (var phase : phases.entrySet()) {
                try (OperatorProcess operator = start("smart-proxy-operator", plane, ns)) {
                    await().atMost(Duration.ofSeconds(120))
                            .pollInterval(Duration.ofMillis(20))
                            .until(() -> phase.getValue().test(admin));
                    operator.kill();
                    System.out.printf("smart-proxy-operator killed in phase %s%n", phase.getKey());
                }
                generatedSecrets(admin, ns, "killed-proxy")
                        .forEach(s -> firstSecrets.putIfAbsent(s.getMetadata().getName(), s.getData()));
            }
            try (OperatorProcess operator = start("smart-proxy-operator", plane, ns)) {
                awaitReady(admin, ns, "SmartProxy", "killed-proxy");
                for (Secret secret : generatedSecrets(admin, ns, "killed-proxy")) {
                    if (firstSecrets.containsKey(secret.getMetadata().getName())) {
                        assertThat(secret.getData())
                                .as("Secret %s unchanged", secret.getMetadata().getName())
                                .isEqualTo(firstSecrets.get(secret.getMetadata().getName()));
                    }
                }
                assertThat(firstSecrets).isNotEmpty();
                assertThat(foreman.smartProxies()).as("registered once").hasSize(1);
                // Let the finalizer go while the operator runs.
                admin.genericKubernetesResources("app.theforeman.org/v1alpha1", "SmartProxy")
                        .inNamespace(ns)
                        .withName("killed-proxy")
                        .withTimeout(60, TimeUnit.SECONDS)
                        .delete();
            }
        }
    }

    @Test
    void anApiServerAndAnEtcdRestartAreRiddenOut(ControlPlane plane, TestNamespace namespace) throws Exception {
        assumeTrue(plane instanceof LocalControlPlane, "restarts need the local control plane");
        LocalControlPlane local = (LocalControlPlane) plane;
        KubernetesClient admin = plane.admin();
        String ns = namespace.name();
        plane.applyCrds(RepositoryLayout.root().resolve("install/crds"));
        // Each kind, how to scale it, and the Deployment that shows the change.
        Map<String, String> scalePatch = Map.of(
                "Pulp", "{\"spec\": {\"api\": {\"replicas\": %d}}}",
                "Foreman", "{\"spec\": {\"replicas\": %d}}",
                "SmartProxy", "{\"spec\": {\"replicas\": %d}}");
        Map<String, String> deployments =
                Map.of("Pulp", "restarts-api", "Foreman", "restarts-fm-web", "SmartProxy", "restarts-px");
        Map<String, String> names = Map.of("Pulp", "restarts", "Foreman", "restarts-fm", "SmartProxy", "restarts-px");
        List<OperatorProcess> operators = new ArrayList<>();
        try (ForemanStandIn foreman = ForemanStandIn.http("restart-key", "restart-consumer-secret")) {
            for (String module : List.of("pulp-operator", "foreman-operator", "smart-proxy-operator")) {
                operators.add(start(module, plane, ns));
            }
            admin.resource(new SecretBuilder()
                            .withNewMetadata()
                            .withName("restarts-oauth")
                            .withNamespace(ns)
                            .endMetadata()
                            .withStringData(Map.of(
                                    "oauth_consumer_key", "restart-key",
                                    "oauth_consumer_secret", "restart-consumer-secret"))
                            .build())
                    .create();
            admin.resource(pulp("restarts", ns)).create();
            admin.resource(resource("Foreman", "restarts-fm", ns)).create();
            admin.resource(Serialization.unmarshal("""
                            apiVersion: app.theforeman.org/v1alpha1
                            kind: SmartProxy
                            metadata: {name: restarts-px, namespace: %s}
                            spec:
                              foreman: {url: "%s", credentials_secret: restarts-oauth}
                              features: {logs: {}}
                            """.formatted(ns, foreman.url()), GenericKubernetesResource.class))
                    .create();
            for (String kind : names.keySet()) {
                awaitReady(admin, ns, kind, names.get(kind));
            }
            int replicas = 1;
            for (String component : List.of("kube-apiserver", "etcd")) {
                long started = System.nanoTime();
                local.restart(component);
                int wanted = ++replicas;
                for (String kind : names.keySet()) {
                    await().atMost(Duration.ofSeconds(60))
                            .ignoreExceptions()
                            .until(() -> admin.genericKubernetesResources("app.theforeman.org/v1alpha1", kind)
                                            .inNamespace(ns)
                                            .withName(names.get(kind))
                                            .patch(
                                                    PatchContext.of(PatchType.JSON_MERGE),
                                                    scalePatch.get(kind).formatted(wanted))
                                    != null);
                }
                for (String kind : names.keySet()) {
                    await().atMost(Duration.ofSeconds(120))
                            .pollInterval(Duration.ofMillis(250))
                            .ignoreExceptions()
                            .until(() -> admin.apps()
                                            .deployments()
                                            .inNamespace(ns)
                                            .withName(deployments.get(kind))
                                            .get()
                                            .getSpec()
                                            .getReplicas()
                                    == wanted);
                }
                assertThat(operators)
                        .as("the same operator processes, not restarts")
                        .allMatch(OperatorProcess::alive);
                System.out.printf(
                        "%s restarted: a change to a Pulp, a Foreman and a SmartProxy made afterwards applied"
                                + " %.1f s after the restart began%n",
                        component, (System.nanoTime() - started) / 1e9);
            }
            for (String kind : names.keySet()) {
                awaitReady(admin, ns, kind, names.get(kind));
            }
            admin.genericKubernetesResources("app.theforeman.org/v1alpha1", "SmartProxy")
                    .inNamespace(ns)
                    .withName("restarts-px")
                    .withTimeout(60, TimeUnit.SECONDS)
                    .delete();
        } finally {
            for (OperatorProcess operator : operators) {
                operator.close();
            }
        }
    }

    private static OperatorProcess start(ControlPlane plane, String ns) throws Exception {
        return start("pulp-operator", plane, ns);
    }

    private static OperatorProcess start(String module, ControlPlane plane, String ns) throws Exception {
        return OperatorProcess.start(
                module, Map.of("KUBECONFIG", plane.kubeconfig().toString(), "WATCH_NAMESPACES", ns, "HTTP_PORT", "0"));
    }

    private static GenericKubernetesResource resource(String kind, String name, String ns) {
        return Serialization.unmarshal("""
                apiVersion: app.theforeman.org/v1alpha1
                kind: %s
                metadata: {name: %s, namespace: %s}
                spec: {}
                """.formatted(kind, name, ns), GenericKubernetesResource.class);
    }

    private static Pulp pulp(String name, String ns) {
        return Serialization.unmarshal("""
                apiVersion: app.theforeman.org/v1alpha1
                kind: Pulp
                metadata: {name: %s, namespace: %s}
                spec: {api: {replicas: 1}}
                """.formatted(name, ns), Pulp.class);
    }

    private static List<Secret> generatedSecrets(KubernetesClient client, String ns, String instance) {
        return client.secrets()
                .inNamespace(ns)
                .withLabel("app.kubernetes.io/instance", instance)
                .list()
                .getItems();
    }

    private static List<Job> migrationJobs(KubernetesClient client, String ns, String instance) {
        return client.batch()
                .v1()
                .jobs()
                .inNamespace(ns)
                .withLabel("app.kubernetes.io/instance", instance)
                .list()
                .getItems();
    }

    @SuppressWarnings("unchecked")
    private static void awaitReady(KubernetesClient admin, String ns, String kind, String name) {
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> {
                    var resource = admin.genericKubernetesResources("app.theforeman.org/v1alpha1", kind)
                            .inNamespace(ns)
                            .withName(name)
                            .get();
                    var status = (Map<String, Object>)
                            resource.getAdditionalProperties().get("status");
                    var conditions = (List<Map<String, Object>>) status.get("conditions");
                    return conditions.stream()
                            .anyMatch(c -> "Ready".equals(c.get("type"))
                                    && "True".equals(c.get("status"))
                                    && ((Number) c.get("observedGeneration")).longValue()
                                            == resource.getMetadata().getGeneration());
                });
    }

    private static void awaitReady(KubernetesClient admin, String ns, String name) {
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> {
                    Pulp pulp = admin.resources(Pulp.class)
                            .inNamespace(ns)
                            .withName(name)
                            .get();
                    return pulp.getStatus().getConditions().stream()
                            .anyMatch(c -> c.getType().equals("Ready")
                                    && c.getStatus().equals("True")
                                    && c.getObservedGeneration()
                                            .equals(pulp.getMetadata().getGeneration()));
                });
    }
}
