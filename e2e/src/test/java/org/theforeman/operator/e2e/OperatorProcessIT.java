package org.theforeman.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.RepositoryLayout;
import org.theforeman.operator.e2e.harness.TestNamespace;
import org.theforeman.operator.e2e.harness.WithControlPlane;

/**
 * Each operator's runnable jar, started as a user starts it: a readable one-line error and a non-zero
 * exit when the cluster or the CRD is missing, and /healthz, /readyz and /metrics once both exist.
 */
@WithControlPlane
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorProcessIT {
    private static final Map<String, String> CRDS = Map.of(
            "pulp-operator", "pulps.app.theforeman.org",
            "smart-proxy-operator", "smartproxies.app.theforeman.org",
            "foreman-operator", "foremen.app.theforeman.org");
    private static final HttpClient http = HttpClient.newHttpClient();

    @Order(1)
    @ParameterizedTest
    @ValueSource(strings = {"pulp-operator", "smart-proxy-operator", "foreman-operator"})
    void withoutAClusterExitsQuicklyWithOneReadableLine(String module) throws Exception {
        Path home = Files.createTempDirectory("no-kube-home");
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        Path kubeconfig = home.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
        apiVersion: v1
        kind: Config
        clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
        users: [{name: u, user: {token: t}}]
        contexts: [{name: x, context: {cluster: c, user: u}}]
        current-context: x
        """);
        for (Map<String, String> env : List.of(
                Map.of("HOME", home.toString()),
                Map.of("HOME", home.toString(), "KUBECONFIG", kubeconfig.toString()))) {
            long started = System.nanoTime();
            try (OperatorProcess operator = OperatorProcess.start(module, env)) {
                // Generous: a loaded 2-core machine starts a JVM slowly; the time is printed, not asserted.
                OptionalInt exit = operator.awaitExit(Duration.ofSeconds(60));
                double seconds = (System.nanoTime() - started) / 1e9;
                assertThat(exit).as("%s exits (env %s)", module, env.keySet()).isPresent();
                assertThat(exit.getAsInt()).isNotZero();
                String output = operator.output().strip();
                assertThat(output.lines()).as("exactly one line:\n%s", output).hasSize(1);
                assertThat(output)
                        .startsWith(module + ": cannot start: no Kubernetes API server reachable at https://");
                System.out.printf(
                        "%s without a cluster: exit %d after %.2f s: %s%n", module, exit.getAsInt(), seconds, output);
            }
        }
    }

    @Order(2)
    @ParameterizedTest
    @ValueSource(strings = {"pulp-operator", "smart-proxy-operator", "foreman-operator"})
    void withoutTheCrdItSaysSoWaitsAndStartsOnceItIsInstalled(
            String module, ControlPlane plane, TestNamespace namespace) throws Exception {
        String crd = CRDS.get(module);
        var definition =
                plane.admin().apiextensions().v1().customResourceDefinitions().withName(crd);
        if (definition.get() != null) {
            // Resources other test classes left behind would hold the CRD's deletion with their operators'
            // finalizers, and no operator runs now to let go of them.
            var kind = definition.get().getSpec().getNames().getKind();
            var resources = plane.admin()
                    .genericKubernetesResources("app.theforeman.org/v1alpha1", kind)
                    .inAnyNamespace();
            for (var leftover : resources.list().getItems()) {
                plane.admin()
                        .genericKubernetesResources("app.theforeman.org/v1alpha1", kind)
                        .inNamespace(leftover.getMetadata().getNamespace())
                        .withName(leftover.getMetadata().getName())
                        .edit(r -> {
                            r.getMetadata().setFinalizers(null);
                            return r;
                        });
            }
        }
        definition.withTimeout(60, TimeUnit.SECONDS).delete();
        try (OperatorProcess operator = OperatorProcess.start(module, operatorEnv(plane, namespace))) {
            int port = await().atMost(Duration.ofSeconds(30))
                    .until(operator::sidePort, OptionalInt::isPresent)
                    .getAsInt();
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(operator.output())
                            .contains("CustomResourceDefinition " + crd + " is not installed")
                            .contains("kubectl apply -f install/crds/" + crd + "-v1.yml"));
            assertThat(operator.output().lines().filter(l -> l.contains("is not installed")))
                    .as("said once, not once per retry")
                    .hasSize(1);
            assertThat(operator.output()).doesNotContain("Exception");
            assertThat(operator.alive())
                    .as("waits instead of exiting into a crash loop")
                    .isTrue();
            HttpResponse<String> waiting = get(port, "/readyz");
            assertThat(waiting.statusCode()).isEqualTo(503);
            assertThat(waiting.body()).contains("waiting");
            assertThat(get(port, "/healthz").statusCode()).isEqualTo(200);

            long installed = System.nanoTime();
            plane.applyCrds(RepositoryLayout.root().resolve("install/crds/" + crd + "-v1.yml"));
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(
                            () -> assertThat(get(port, "/readyz").statusCode()).isEqualTo(200));
            System.out.printf(
                    "%s without its CRD: waited, ready %.1f s after the CRD was installed%n",
                    module, (System.nanoTime() - installed) / 1e9);
        }
    }

    @Order(3)
    @ParameterizedTest
    @ValueSource(strings = {"pulp-operator", "smart-proxy-operator", "foreman-operator"})
    void servesHealthReadinessAndMetrics(String module, ControlPlane plane, TestNamespace namespace) throws Exception {
        plane.applyCrds(RepositoryLayout.root().resolve("install/crds/" + CRDS.get(module) + "-v1.yml"));
        try (OperatorProcess operator = OperatorProcess.start(module, operatorEnv(plane, namespace))) {
            int port = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> {
                                assertThat(operator.alive())
                                        .as("%s is running:\n%s", module, operator.output())
                                        .isTrue();
                                return operator.sidePort();
                            },
                            OptionalInt::isPresent)
                    .getAsInt();
            assertThat(get(port, "/healthz").statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () -> assertThat(get(port, "/readyz").statusCode()).isEqualTo(200));
            String metrics = get(port, "/metrics").body();
            assertThat(metrics).contains("jvm_memory_used_bytes{").contains("process_uptime_seconds");
            assertThat(metrics).containsPattern("(?m)^operator_sdk_\\w+");
            assertThat(get(port, "/nothing-here").statusCode()).isEqualTo(404);

            assertThat(operator.terminate(Duration.ofSeconds(15)))
                    .as("SIGTERM ends the process cleanly")
                    .isIn(0, 143);
            assertThat(operator.output()).contains(module + " stopping");
        }
    }

    private static Map<String, String> operatorEnv(ControlPlane plane, TestNamespace namespace) {
        return Map.of(
                "KUBECONFIG", plane.kubeconfig().toString(),
                "WATCH_NAMESPACES", namespace.name(),
                "HTTP_PORT", "0");
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
