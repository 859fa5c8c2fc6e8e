package org.theforeman.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.runtime.OperatorLauncher;
import org.theforeman.operator.common.runtime.OperatorSettings;
import org.theforeman.operator.common.status.Conditions;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.RepositoryLayout;
import org.theforeman.operator.e2e.harness.ServiceAccountKubeconfig;
import org.theforeman.operator.e2e.harness.TestNamespace;
import org.theforeman.operator.e2e.harness.WithControlPlane;
import org.theforeman.operator.pulp.PulpOperator;

/**
 * Namespace-scoped installs: an operator installed in namespace A watches B only once the generated
 * install/pulp-operator-watch-namespace.yaml is applied there, with the commands its header (and the
 * README) shows; without it, the operator can neither read nor change anything in B and says so in one line
 * while it waits, instead of crash-looping.
 */
@WithControlPlane
class WatchNamespacesIT {
    private static final HttpClient http = HttpClient.newHttpClient();
    private final List<String> namespaces = new ArrayList<>();

    @Test
    void anOperatorOfNamespaceAReconcilesAPulpInBWithTheGeneratedRoleThere(ControlPlane plane) throws Exception {
        KubernetesClient admin = plane.admin();
        String a = namespace(admin, "watch-a");
        String b = namespace(admin, "watch-b");
        plane.applyCrds(RepositoryLayout.root().resolve("install/crds/pulps.app.theforeman.org-v1.yml"));
        // The commands of the bundle's and the snippet's headers, as a user runs them.
        shell(plane, "kubectl apply -n " + a + " -f install/pulp-operator.yaml");
        shell(
                plane,
                "sed -e s/WATCHED_NAMESPACE/" + b + "/g -e s/OPERATOR_NAMESPACE/" + a
                        + "/g install/pulp-operator-watch-namespace.yaml | kubectl apply -f -");
        shell(plane, "kubectl set env -n " + a + " deployment/pulp-operator WATCH_NAMESPACES=" + a + "," + b);
        String watched = admin
                .apps()
                .deployments()
                .inNamespace(a)
                .withName("pulp-operator")
                .get()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getEnv()
                .stream()
                .filter(e -> e.getName().equals("WATCH_NAMESPACES"))
                .map(EnvVar::getValue)
                .findFirst()
                .orElseThrow();
        assertThat(watched).isEqualTo(a + "," + b);

        // The Deployment's process, in-process, with the account's token and the Deployment's setting.
        OperatorSettings settings =
                new OperatorSettings(Optional.empty(), 0, watched, true, Optional.of(a), Optional.of("watch-test"));
        try (var operator = OperatorLauncher.launch(
                PulpOperator.NAME, settings, plane.configFor(a, "pulp-operator"), PulpOperator::registrations)) {
            long created = System.nanoTime();
            createPulp(admin, b, "pulp");
            awaitReady(admin, b, "pulp", Duration.ofSeconds(90));
            System.out.printf(
                    "operator of %s, Pulp in %s: Ready %.1f s after apply, %d writes%n",
                    a, b, (System.nanoTime() - created) / 1e9, operator.writes());
            assertThat(admin.apps()
                            .deployments()
                            .inNamespace(b)
                            .withName("pulp-api")
                            .get())
                    .isNotNull();
        }
    }

    @Test
    void withTheClusterWideVariantAndStarItReconcilesAPulpInAnyNamespace(ControlPlane plane) throws Exception {
        KubernetesClient admin = plane.admin();
        String a = namespace(admin, "star-a");
        String b = namespace(admin, "star-b");
        plane.applyCrds(RepositoryLayout.root().resolve("install/crds/pulps.app.theforeman.org-v1.yml"));
        shell(plane, "kubectl apply -n " + a + " -f install/pulp-operator.yaml");
        shell(
                plane,
                "sed -e s/OPERATOR_NAMESPACE/" + a + "/g install/pulp-operator-cluster-wide.yaml | kubectl apply -f -");
        shell(plane, "kubectl set env -n " + a + " deployment/pulp-operator 'WATCH_NAMESPACES=*'");
        try {
            OperatorSettings settings =
                    new OperatorSettings(Optional.empty(), 0, "*", true, Optional.of(a), Optional.of("star-test"));
            try (var operator = OperatorLauncher.launch(
                    PulpOperator.NAME, settings, plane.configFor(a, "pulp-operator"), PulpOperator::registrations)) {
                long created = System.nanoTime();
                createPulp(admin, b, "pulp");
                awaitReady(admin, b, "pulp", Duration.ofSeconds(90));
                System.out.printf(
                        "operator of %s watching *, Pulp in %s: Ready %.1f s after apply%n",
                        a, b, (System.nanoTime() - created) / 1e9);
            }
        } finally {
            admin.rbac().clusterRoleBindings().withName("pulp-operator-" + a).delete();
            admin.rbac().clusterRoles().withName("pulp-operator").delete();
        }
    }

    @Test
    void anOperatorInstalledForAOnlyCannotReadOrChangeAnythingInB(ControlPlane plane) throws Exception {
        KubernetesClient admin = plane.admin();
        String a = namespace(admin, "own-a");
        String b = namespace(admin, "other-b");
        plane.applyCrds(RepositoryLayout.root().resolve("install/crds/pulps.app.theforeman.org-v1.yml"));
        shell(plane, "kubectl apply -n " + a + " -f install/pulp-operator.yaml");
        createPulp(admin, b, "untouched");
        String before = admin.resources(Pulp.class)
                .inNamespace(b)
                .withName("untouched")
                .get()
                .getMetadata()
                .getResourceVersion();

        // Every verb of its Role: granted in A, denied in B.
        Role role =
                admin.rbac().roles().inNamespace(a).withName("pulp-operator").get();
        int checked = 0;
        try (KubernetesClient operatorAccount = plane.clientFor(a, "pulp-operator")) {
            for (PolicyRule rule : role.getRules()) {
                for (String resource : rule.getResources()) {
                    for (String verb : rule.getVerbs()) {
                        String group = rule.getApiGroups().get(0);
                        assertThat(allowed(operatorAccount, a, group, resource, verb))
                                .as("%s %s in %s", verb, resource, a)
                                .isTrue();
                        assertThat(allowed(operatorAccount, b, group, resource, verb))
                                .as("%s %s in %s", verb, resource, b)
                                .isFalse();
                        checked++;
                    }
                }
            }
        }
        System.out.printf(
                "%d verb/resource pairs of the Role: allowed in its namespace, denied in the other%n", checked);

        Path kubeconfig = ServiceAccountKubeconfig.write(plane, a, "pulp-operator");
        try (OperatorProcess operator = OperatorProcess.start(
                "pulp-operator",
                Map.of(
                        "KUBECONFIG",
                        kubeconfig.toString(),
                        "WATCH_NAMESPACES",
                        a + "," + b,
                        "POD_NAMESPACE",
                        a,
                        "LEADER_ELECTION",
                        "true",
                        "HTTP_PORT",
                        "0"))) {
            int port = await().atMost(Duration.ofSeconds(30))
                    .until(operator::sidePort, OptionalInt::isPresent)
                    .getAsInt();
            String expected = "not allowed to list pulps in namespace " + b;
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(operator.output()).contains(expected));
            Thread.sleep(10_000);
            String output = operator.output();
            List<String> lines =
                    output.lines().filter(l -> l.contains(expected)).toList();
            System.out.println("its one line after 10 s: " + lines);
            assertThat(lines).as("said once, not once per retry:\n%s", output).hasSize(1);
            assertThat(lines.get(0)).contains("pulp-operator is waiting");
            assertThat(output).doesNotContain("Exception");
            assertThat(operator.alive())
                    .as("waits instead of exiting into a crash loop")
                    .isTrue();
            HttpResponse<String> ready = get(port, "/readyz");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("waiting");
            assertThat(admin.resources(Pulp.class)
                            .inNamespace(b)
                            .withName("untouched")
                            .get()
                            .getMetadata()
                            .getResourceVersion())
                    .as("the Pulp in %s is untouched", b)
                    .isEqualTo(before);
            assertThat(managedObjectsIn(admin, b))
                    .as("nothing created in %s", b)
                    .isZero();

            // The fix the line names: the operator's Role in B; it starts without a restart.
            shell(
                    plane,
                    "sed -e s/WATCHED_NAMESPACE/" + b + "/g -e s/OPERATOR_NAMESPACE/" + a
                            + "/g install/pulp-operator-watch-namespace.yaml | kubectl apply -f -");
            long granted = System.nanoTime();
            awaitReady(admin, b, "untouched", Duration.ofSeconds(90));
            System.out.printf(
                    "after the Role was applied in %s: its Pulp Ready in %.1f s%n",
                    b, (System.nanoTime() - granted) / 1e9);
        } finally {
            Files.deleteIfExists(kubeconfig);
        }
    }

    private static long managedObjectsIn(KubernetesClient admin, String namespace) {
        String selector = "app.kubernetes.io/managed-by";
        return admin.secrets()
                        .inNamespace(namespace)
                        .withLabel(selector)
                        .list()
                        .getItems()
                        .size()
                + admin.apps()
                        .deployments()
                        .inNamespace(namespace)
                        .withLabel(selector)
                        .list()
                        .getItems()
                        .size()
                + admin.configMaps()
                        .inNamespace(namespace)
                        .withLabel(selector)
                        .list()
                        .getItems()
                        .size()
                + admin.persistentVolumeClaims()
                        .inNamespace(namespace)
                        .withLabel(selector)
                        .list()
                        .getItems()
                        .size();
    }

    private static boolean allowed(
            KubernetesClient client, String namespace, String group, String resource, String verb) {
        String[] parts = resource.split("/", 2);
        SelfSubjectAccessReview review = client.authorization()
                .v1()
                .selfSubjectAccessReview()
                .create(new SelfSubjectAccessReviewBuilder()
                        .withNewSpec()
                        .withNewResourceAttributes()
                        .withNamespace(namespace)
                        .withGroup(group)
                        .withResource(parts[0])
                        .withSubresource(parts.length > 1 ? parts[1] : null)
                        .withVerb(verb)
                        .endResourceAttributes()
                        .endSpec()
                        .build());
        return review.getStatus().getAllowed();
    }

    private static void createPulp(KubernetesClient admin, String namespace, String name) throws IOException {
        Pulp pulp = Serialization.unmarshal(
                Files.readString(RepositoryLayout.root().resolve("samples/pulp-standalone.yaml")), Pulp.class);
        pulp.getMetadata().setName(name);
        pulp.getMetadata().setNamespace(namespace);
        admin.resource(pulp).create();
    }

    private static void awaitReady(KubernetesClient admin, String namespace, String name, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Pulp pulp = admin.resources(Pulp.class)
                    .inNamespace(namespace)
                    .withName(name)
                    .get();
            Condition ready = pulp.getStatus() == null
                    ? null
                    : Conditions.find(pulp.getStatus().getConditions(), "Ready").orElse(null);
            assertThat(ready).as("Ready of %s/%s", namespace, name).isNotNull();
            assertThat(ready.getStatus()).as("Ready: %s", ready.getMessage()).isEqualTo("True");
        });
    }

    /** Runs a command line with bash in the repository root, kubectl of the control plane on the PATH. */
    private static String shell(ControlPlane plane, String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", command)
                .directory(RepositoryLayout.root().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true);
        builder.environment().put("KUBECONFIG", plane.kubeconfig().toString());
        builder.environment().put("PATH", RepositoryLayout.binDir() + File.pathSeparator + System.getenv("PATH"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s:%n%s", command, output).isZero();
        return output;
    }

    private String namespace(KubernetesClient admin, String prefix) {
        String name = TestNamespace.create(admin, prefix).name();
        namespaces.add(name);
        return name;
    }

    @AfterEach
    void deleteNamespaces(ControlPlane plane) {
        for (String name : namespaces) {
            plane.admin().namespaces().withName(name).delete();
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
