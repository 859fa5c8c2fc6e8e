package org.theforeman.operator.e2e.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Deployments and Jobs reach their real status: kube-controller-manager creates the pods, kube-scheduler
 * binds them to kwok's fake nodes, and kwok plays the kubelet.
 */
@WithControlPlane
class WorkloadsOnFakeNodesIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void deploymentBecomesAvailableAndScales(KubernetesClient admin, TestNamespace namespace) {
        Map<String, String> labels = Map.of("app", "web");
        Deployment deployment = new DeploymentBuilder()
                .withNewMetadata()
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .withReplicas(2)
                .withNewSelector()
                .withMatchLabels(labels)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("web")
                .withImage("registry.example/web:1")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
        var resource = admin.apps().deployments().inNamespace(namespace.name()).resource(deployment);
        resource.create();

        await().atMost(TIMEOUT).untilAsserted(() -> {
            Deployment current = resource.get();
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getReadyReplicas()).isEqualTo(2);
            assertThat(current.getStatus().getAvailableReplicas()).isEqualTo(2);
            assertThat(current.getStatus().getConditions()).anySatisfy(c -> {
                assertThat(c.getType()).isEqualTo("Available");
                assertThat(c.getStatus()).isEqualTo("True");
            });
        });
        var pods = admin.pods()
                .inNamespace(namespace.name())
                .withLabels(labels)
                .list()
                .getItems();
        assertThat(pods).hasSize(2).allSatisfy(pod -> {
            assertThat(pod.getSpec().getNodeName())
                    .as("scheduled onto a fake node")
                    .isNotBlank();
            assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
        });

        resource.scale(3);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            Deployment current = resource.get();
            assertThat(current.getStatus().getReplicas()).isEqualTo(3);
            assertThat(current.getStatus().getReadyReplicas()).isEqualTo(3);
        });
    }

    @Test
    void jobRunsToCompletion(KubernetesClient admin, TestNamespace namespace) {
        Job job = new JobBuilder()
                .withNewMetadata()
                .withName("migrate")
                .endMetadata()
                .withNewSpec()
                .withBackoffLimit(0)
                .withNewTemplate()
                .withNewSpec()
                .withRestartPolicy("Never")
                .addNewContainer()
                .withName("migrate")
                .withImage("registry.example/tool:1")
                .withCommand("true")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
        var resource = admin.batch().v1().jobs().inNamespace(namespace.name()).resource(job);
        resource.create();

        await().atMost(TIMEOUT).untilAsserted(() -> {
            Job current = resource.get();
            assertThat(current.getStatus()).isNotNull();
            assertThat(current.getStatus().getSucceeded()).isEqualTo(1);
            assertThat(current.getStatus().getConditions()).anySatisfy(c -> {
                assertThat(c.getType()).isEqualTo("Complete");
                assertThat(c.getStatus()).isEqualTo("True");
            });
        });
    }
}
