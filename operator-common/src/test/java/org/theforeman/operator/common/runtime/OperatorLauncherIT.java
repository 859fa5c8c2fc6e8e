package org.theforeman.operator.common.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.api.v1alpha1.PulpStatus;
import org.theforeman.operator.common.reconcile.AwaitingImplementationReconciler;
import org.theforeman.operator.common.status.Conditions;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.TestNamespace;
import org.theforeman.operator.e2e.harness.WithControlPlane;

/** The launcher against a real API server: side port, readiness, metrics, and status written once. */
@WithControlPlane
class OperatorLauncherIT {
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void installCrd(ControlPlane plane) {
        plane.applyCrd(plane.admin()
                .apiextensions()
                .v1()
                .customResourceDefinitions()
                .load(OperatorLauncherIT.class.getResourceAsStream("/META-INF/fabric8/pulps.app.theforeman.org-v1.yml"))
                .item());
    }

    @Test
    void servesProbesAndMetricsAndAcknowledgesResources(ControlPlane plane, TestNamespace namespace) throws Exception {
        OperatorSettings settings = new OperatorSettings(
                Optional.of(plane.kubeconfig()), 0, namespace.name(), false, Optional.empty(), Optional.empty());
        try (var running = OperatorLauncher.launch(
                "test-operator",
                settings,
                client -> List.of(new Registration<>(
                        Pulp.class,
                        new AwaitingImplementationReconciler<Pulp, PulpStatus>(
                                PulpStatus::new, "not deployed by this test operator", Clock.systemUTC()) {})))) {
            int port = running.sidePort();
            assertThat(get(port, "/healthz"))
                    .satisfies(r -> assertThat(r.statusCode()).isEqualTo(200));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> ready = get(port, "/readyz");
                assertThat(ready.statusCode()).isEqualTo(200);
                assertThat(ready.body()).contains("ok: leader");
            });

            Pulp pulp = new Pulp();
            pulp.getMetadata().setName("acknowledged");
            plane.admin()
                    .resources(Pulp.class)
                    .inNamespace(namespace.name())
                    .resource(pulp)
                    .create();
            var resource = plane.admin()
                    .resources(Pulp.class)
                    .inNamespace(namespace.name())
                    .withName("acknowledged");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Pulp current = resource.get();
                assertThat(current.getStatus()).isNotNull();
                assertThat(current.getStatus().getObservedGeneration()).isEqualTo(1L);
                Condition readyCondition = Conditions.find(current.getStatus().getConditions(), "Ready")
                        .orElseThrow();
                assertThat(readyCondition.getStatus()).isEqualTo("False");
                assertThat(readyCondition.getReason()).isEqualTo("NotImplemented");
            });

            String metrics = get(port, "/metrics").body();
            assertThat(metrics).contains("jvm_memory_used_bytes").contains("jvm_threads_live_threads");
            assertThat(metrics).containsPattern("(?m)^operator_sdk_\\w+");
            assertThat(metrics).contains("foreman_operator_leader{operator=\"test-operator\"} 1");

            // Steady state: the status was written once; nothing rewrites it.
            String version = resource.get().getMetadata().getResourceVersion();
            Thread.sleep(3_000);
            assertThat(resource.get().getMetadata().getResourceVersion()).isEqualTo(version);
        }
    }

    static HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
