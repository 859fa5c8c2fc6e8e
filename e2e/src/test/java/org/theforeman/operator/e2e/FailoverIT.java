package org.theforeman.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.RepositoryLayout;
import org.theforeman.operator.e2e.harness.TestNamespace;
import org.theforeman.operator.e2e.harness.WithControlPlane;

/**
 * Two replicas of the Pulp operator with leader election, as processes: the standby never writes while
 * the other leads; a graceful stop (SIGTERM) releases the lease, so the standby takes over at its next
 * try; after a SIGKILL it takes over once the lease expired; and the new leader applies a change made
 * after the takeover. Takeover times are printed.
 */
@WithControlPlane
class FailoverIT {
    private static final String LEASE = "pulp-operator-leader";
    private static final Pattern WRITES = Pattern.compile("foreman_operator_api_writes_total\\{([^}]*)\\} ([0-9.E]+)");
    private static final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theStandbyTakesOverAfterAGracefulStopAndAfterAKill(ControlPlane plane, TestNamespace namespace)
            throws Exception {
        KubernetesClient admin = plane.admin();
        plane.applyCrds(RepositoryLayout.root().resolve("install/crds/pulps.app.theforeman.org-v1.yml"));
        try (OperatorProcess first = start(plane, namespace, "replica-a")) {
            awaitHolder(admin, namespace, "replica-a", Duration.ofSeconds(60));
            try (OperatorProcess second = start(plane, namespace, "replica-b")) {
                awaitSidePort(second);
                admin.resource(pulp("failover", namespace)).create();
                awaitReady(admin, namespace, "failover");
                assertThat(reconcileWrites(second))
                        .as("the standby writes nothing")
                        .isZero();

                long stopped = System.nanoTime();
                assertThat(first.terminate(Duration.ofSeconds(30)))
                        .as("exit after SIGTERM")
                        .isIn(0, 143);
                awaitHolder(admin, namespace, "replica-b", Duration.ofSeconds(30));
                double graceful = (System.nanoTime() - stopped) / 1e9;
                System.out.printf("BENCH failover after SIGTERM of the leader: %.2f s%n", graceful);
                assertThat(graceful)
                        .as("the lease was released: no wait for its expiry (10 s)")
                        .isLessThan(8.0);

                admin.resources(Pulp.class)
                        .inNamespace(namespace.name())
                        .withName("failover")
                        .edit(p -> {
                            p.getSpec().getApi().setReplicas(2);
                            return p;
                        });
                awaitApiReplicas(admin, namespace, 2);

                try (OperatorProcess third = start(plane, namespace, "replica-c")) {
                    awaitSidePort(third);
                    long killed = System.nanoTime();
                    second.kill();
                    awaitHolder(admin, namespace, "replica-c", Duration.ofSeconds(60));
                    System.out.printf(
                            "BENCH failover after SIGKILL of the leader: %.2f s (lease duration 10 s)%n",
                            (System.nanoTime() - killed) / 1e9);
                    admin.resources(Pulp.class)
                            .inNamespace(namespace.name())
                            .withName("failover")
                            .edit(p -> {
                                p.getSpec().getApi().setReplicas(1);
                                return p;
                            });
                    awaitApiReplicas(admin, namespace, 1);
                }
            }
        }
    }

    private static OperatorProcess start(ControlPlane plane, TestNamespace namespace, String identity)
            throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("KUBECONFIG", plane.kubeconfig().toString());
        env.put("WATCH_NAMESPACES", namespace.name());
        env.put("POD_NAMESPACE", namespace.name());
        env.put("POD_NAME", identity);
        env.put("HTTP_PORT", "0");
        env.put("LEADER_ELECTION", "true");
        env.put("LEADER_ELECTION_LEASE_DURATION", "10s");
        env.put("LEADER_ELECTION_RENEW_DEADLINE", "7s");
        env.put("LEADER_ELECTION_RETRY_PERIOD", "1s");
        return OperatorProcess.start("pulp-operator", env);
    }

    private static Pulp pulp(String name, TestNamespace namespace) {
        return Serialization.unmarshal("""
                apiVersion: app.theforeman.org/v1alpha1
                kind: Pulp
                metadata: {name: %s, namespace: %s}
                spec: {api: {replicas: 1}}
                """.formatted(name, namespace.name()), Pulp.class);
    }

    private static void awaitHolder(KubernetesClient admin, TestNamespace namespace, String holder, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
            Lease lease =
                    admin.leases().inNamespace(namespace.name()).withName(LEASE).get();
            return lease != null && holder.equals(lease.getSpec().getHolderIdentity());
        });
    }

    private static int awaitSidePort(OperatorProcess operator) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> {
                            assertThat(operator.alive()).as(operator.output()).isTrue();
                            return operator.sidePort();
                        },
                        OptionalInt::isPresent)
                .getAsInt();
    }

    private static void awaitReady(KubernetesClient admin, TestNamespace namespace, String name) {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    Pulp pulp = admin.resources(Pulp.class)
                            .inNamespace(namespace.name())
                            .withName(name)
                            .get();
                    return pulp.getStatus() != null
                            && pulp.getStatus().getConditions().stream()
                                    .anyMatch(c -> c.getType().equals("Ready")
                                            && c.getStatus().equals("True"));
                });
    }

    private static void awaitApiReplicas(KubernetesClient admin, TestNamespace namespace, int replicas) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    var deployment = admin.apps()
                            .deployments()
                            .inNamespace(namespace.name())
                            .withName("failover-api")
                            .get();
                    return deployment != null && deployment.getSpec().getReplicas() == replicas;
                });
    }

    private static String metricsOf(OperatorProcess operator) throws Exception {
        int port = awaitSidePort(operator);
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** Writes other than lease renewals, from the operator's /metrics. */
    private static double reconcileWrites(OperatorProcess operator) throws Exception {
        double writes = 0;
        Matcher matcher = WRITES.matcher(metricsOf(operator));
        while (matcher.find()) {
            if (!matcher.group(1).contains("resource=\"leases\"")) {
                writes += Double.parseDouble(matcher.group(2));
            }
        }
        return writes;
    }
}
