package org.theforeman.operator.pulp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.theforeman.operator.api.v1alpha1.ComponentSpec;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.TestNamespace;
import org.theforeman.operator.e2e.harness.WithControlPlane;

/**
 * A field a user removes from a Pulp's spec leaves the managed objects too: for each kind of removable
 * field (map, list, nested object, env entry, label, annotation) the field is set, shows on the API
 * Deployment, is removed from the spec, disappears from the Deployment within seconds, and then the
 * operator writes nothing more.
 */
@WithControlPlane
class RemovedFieldsIT {
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private static PulpOperatorFixture fixture;
    private static KubernetesClient admin;
    private static String namespace;

    @BeforeAll
    static void startOperator(ControlPlane plane, TestNamespace testNamespace) throws Exception {
        namespace = testNamespace.name();
        admin = plane.admin();
        fixture = PulpOperatorFixture.start(plane, namespace, "removed-fields-it");
        fixture.create("""
                apiVersion: app.theforeman.org/v1alpha1
                kind: Pulp
                metadata: {name: edited}
                spec: {}
                """);
        fixture.awaitReady("edited", Duration.ofSeconds(90));
    }

    @AfterAll
    static void stopOperator() {
        if (fixture != null) {
            fixture.close();
        }
    }

    static Stream<Arguments> removableFields() {
        return Stream.of(
                field(
                        "map: node_selector",
                        api -> api.setNodeSelector(Map.of("disktype", "ssd")),
                        api -> api.setNodeSelector(null),
                        d -> podSpec(d).getNodeSelector() != null
                                && podSpec(d).getNodeSelector().containsKey("disktype")),
                field(
                        "list: tolerations",
                        api -> api.setTolerations(List.of(new TolerationBuilder()
                                .withKey("dedicated")
                                .withOperator("Exists")
                                .withEffect("NoSchedule")
                                .build())),
                        api -> api.setTolerations(null),
                        d -> podSpec(d).getTolerations() != null
                                && podSpec(d).getTolerations().stream().anyMatch(t -> "dedicated".equals(t.getKey()))),
                field(
                        "nested object: resource_requirements",
                        api -> api.setResourceRequirements(new ResourceRequirementsBuilder()
                                .addToLimits("memory", new Quantity("1Gi"))
                                .build()),
                        api -> api.setResourceRequirements(null),
                        d -> podSpec(d).getContainers().get(0).getResources() != null
                                && podSpec(d)
                                                .getContainers()
                                                .get(0)
                                                .getResources()
                                                .getLimits()
                                        != null
                                && podSpec(d)
                                        .getContainers()
                                        .get(0)
                                        .getResources()
                                        .getLimits()
                                        .containsKey("memory")),
                field(
                        "env entry: env_vars",
                        api -> api.setEnvVars(List.of(new EnvVar("EXTRA_SETTING", "on", null))),
                        api -> api.setEnvVars(null),
                        d -> podSpec(d).getContainers().get(0).getEnv().stream()
                                .map(EnvVar::getName)
                                .anyMatch("EXTRA_SETTING"::equals)),
                field(
                        "label: pod_labels",
                        api -> api.setPodLabels(Map.of("team", "content")),
                        api -> api.setPodLabels(null),
                        d -> d.getSpec().getTemplate().getMetadata().getLabels().containsKey("team")),
                field(
                        "annotation: deployment_annotations",
                        api -> api.setDeploymentAnnotations(Map.of("example.com/owner", "content-team")),
                        api -> api.setDeploymentAnnotations(null),
                        d -> d.getMetadata().getAnnotations() != null
                                && d.getMetadata().getAnnotations().containsKey("example.com/owner")));
    }

    private static Arguments field(
            String name, Consumer<ComponentSpec> set, Consumer<ComponentSpec> remove, Predicate<Deployment> present) {
        return Arguments.of(name, set, remove, present);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("removableFields")
    void removedFieldLeavesTheDeployment(
            String name, Consumer<ComponentSpec> set, Consumer<ComponentSpec> remove, Predicate<Deployment> present)
            throws InterruptedException {
        editApi(set);
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> present.test(apiDeployment()));

        editApi(remove);
        long removedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !present.test(apiDeployment()));
        System.out.printf(
                "removed %s: gone from the Deployment after %.2f s%n", name, (System.nanoTime() - removedAt) / 1e9);

        fixture.awaitReady("edited", Duration.ofSeconds(60));
        Thread.sleep(Duration.ofSeconds(1).toMillis()); // the status patch of the last change, if any
        long before = fixture.operator().writes();
        Thread.sleep(SETTLE.toMillis());
        assertThat(fixture.operator().writes() - before)
                .as("writes after %s was removed and applied", name)
                .isZero();
        assertThat(present.test(apiDeployment())).as(name).isFalse();
    }

    /** A user's edit: read, change, write; tried again when the operator's status patch came in between. */
    private static void editApi(Consumer<ComponentSpec> change) {
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptionsInstanceOf(KubernetesClientException.class)
                .until(() -> {
                    fixture.pulp("edited").edit(pulp -> {
                        ComponentSpec api = pulp.getSpec().getApi() == null
                                ? new ComponentSpec()
                                : pulp.getSpec().getApi();
                        change.accept(api);
                        pulp.getSpec().setApi(api);
                        return pulp;
                    });
                    return true;
                });
    }

    private static Deployment apiDeployment() {
        return admin.apps()
                .deployments()
                .inNamespace(namespace)
                .withName("edited-api")
                .get();
    }

    private static PodSpec podSpec(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec();
    }
}
