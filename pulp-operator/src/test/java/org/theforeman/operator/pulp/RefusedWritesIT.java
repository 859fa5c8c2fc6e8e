package org.theforeman.operator.pulp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.api.v1alpha1.ConditionTypes;
import org.theforeman.operator.api.v1alpha1.ConditionTypes.PulpConditions;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.TestNamespace;
import org.theforeman.operator.e2e.harness.WithControlPlane;

/**
 * A write the API server refuses for a reason the schema cannot know (here a ResourceQuota that allows no
 * Deployment) ends in the Pulp's status: ResourcesApplied=False naming the object with the server's
 * message, Ready=False, one Warning event, the conditions of what runs kept; and once the cause is gone
 * the retry with backoff brings the Pulp to Ready without any change to it.
 */
@WithControlPlane
class RefusedWritesIT {
    private static PulpOperatorFixture fixture;
    private static KubernetesClient admin;
    private static String namespace;

    @BeforeAll
    static void startOperator(ControlPlane plane, TestNamespace testNamespace) throws Exception {
        namespace = testNamespace.name();
        admin = plane.admin();
        fixture = PulpOperatorFixture.start(plane, namespace, "refused-writes-it");
    }

    @AfterAll
    static void stopOperator() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aRefusedWriteIsReportedWithTheServersWordsAndRetriedUntilItPasses() {
        ResourceQuota quota = admin.resourceQuotas()
                .inNamespace(namespace)
                .resource(new ResourceQuotaBuilder()
                        .withNewMetadata()
                        .withName("no-deployments")
                        .endMetadata()
                        .withNewSpec()
                        .withHard(Map.of("count/deployments.apps", new Quantity("0")))
                        .endSpec()
                        .build())
                .create();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> admin.resource(quota).get().getStatus() != null
                        && admin.resource(quota).get().getStatus().getHard() != null);

        fixture.create("""
                apiVersion: app.theforeman.org/v1alpha1
                kind: Pulp
                metadata: {name: quota}
                spec: {}
                """);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    Condition applied = fixture.condition("quota", ConditionTypes.RESOURCES_APPLIED);
                    assertThat(applied).isNotNull();
                    assertThat(applied.getStatus()).isEqualTo("False");
                    assertThat(applied.getReason()).isEqualTo("Rejected");
                    assertThat(applied.getMessage()).contains("quota-api").contains("exceeded quota: no-deployments");
                });
        assertThat(fixture.condition("quota", ConditionTypes.READY).getStatus()).isEqualTo("False");
        assertThat(fixture.condition("quota", ConditionTypes.DEGRADED).getStatus())
                .isEqualTo("True");
        assertThat(fixture.condition("quota", PulpConditions.MIGRATIONS_COMPLETE)
                        .getStatus())
                .as("what ran before the refusal is still reported as it is")
                .isEqualTo("True");
        List<Event> rejected = admin
                .v1()
                .events()
                .inNamespace(namespace)
                .withField("involvedObject.name", "quota")
                .list()
                .getItems()
                .stream()
                .filter(e -> "Rejected".equals(e.getReason()))
                .toList();
        assertThat(rejected).as("one Warning event, not one per retry").hasSize(1);
        assertThat(rejected.get(0).getType()).isEqualTo("Warning");

        long removedAt = System.nanoTime();
        admin.resource(quota).delete();
        fixture.awaitReady("quota", Duration.ofSeconds(120));
        System.out.printf(
                "refused writes: Ready %.1f s after the quota was removed (retry with backoff)%n",
                (System.nanoTime() - removedAt) / 1e9);
        assertThat(fixture.condition("quota", ConditionTypes.RESOURCES_APPLIED))
                .as("the condition goes once the writes pass")
                .isNull();
    }
}
