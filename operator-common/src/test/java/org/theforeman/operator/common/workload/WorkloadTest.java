package org.theforeman.operator.common.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.common.resources.ConfigHash;
import org.theforeman.operator.common.status.ComponentState.Phase;

class WorkloadTest {
    private static Deployment deployment(
            int replicas, long generation, Integer observed, int updated, int available, int total, String image) {
        var builder = new DeploymentBuilder()
                .withNewMetadata()
                .withName("pulp-api")
                .withGeneration(generation)
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewTemplate()
                .withNewMetadata()
                .withAnnotations(Map.of(ConfigHash.ANNOTATION, "h1"))
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("api")
                .withImage(image)
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec();
        if (observed != null) {
            builder.withNewStatus()
                    .withObservedGeneration(observed.longValue())
                    .withUpdatedReplicas(updated)
                    .withAvailableReplicas(available)
                    .withReadyReplicas(available)
                    .withReplicas(total)
                    .endStatus();
        }
        return builder.build();
    }

    @Test
    void aDeploymentIsReadyOnlyWhenEveryWantedPodIsUpdatedAvailableAndOnTheWantedImage() {
        assertThat(DeploymentReadiness.of("APIReady", deployment(2, 3, 3, 2, 2, 2, "pulp:2"), "pulp:2")
                        .phase())
                .isEqualTo(Phase.READY);
        assertThat(DeploymentReadiness.of("APIReady", deployment(2, 3, 2, 2, 2, 2, "pulp:2"), "pulp:2")
                        .message())
                .as("the controller has not seen the latest spec")
                .contains("being updated");
        assertThat(DeploymentReadiness.of("APIReady", deployment(2, 3, 3, 1, 2, 3, "pulp:2"), "pulp:2")
                        .reason())
                .as("an old pod is left")
                .isEqualTo("RollingOut");
        assertThat(DeploymentReadiness.of("APIReady", deployment(2, 3, 3, 2, 2, 2, "pulp:1"), "pulp:2")
                        .reason())
                .as("held on the old image while the migration runs")
                .isEqualTo("WaitingForMigration");
        assertThat(DeploymentReadiness.of("APIReady", deployment(1, 1, null, 0, 0, 0, "pulp:2"), "pulp:2")
                        .phase())
                .isEqualTo(Phase.PROGRESSING);
    }

    @Test
    void readyPodsOfAnAbsentDeploymentAreZero() {
        assertThat(DeploymentReadiness.readyPods(null)).isZero();
        assertThat(DeploymentReadiness.readyPods(deployment(2, 1, 1, 2, 2, 2, "x")))
                .isEqualTo(2);
    }

    @Test
    void onlyANewImageOrConfigHashRollsThePods() {
        Deployment before = deployment(1, 1, 1, 1, 1, 1, "pulp:1");
        assertThat(DeploymentReadiness.rolls(null, before)).isFalse();
        assertThat(DeploymentReadiness.rolls(before, deployment(3, 1, 1, 1, 1, 1, "pulp:1")))
                .as("a scale")
                .isFalse();
        assertThat(DeploymentReadiness.rolls(before, deployment(1, 1, 1, 1, 1, 1, "pulp:2")))
                .isTrue();
        Deployment rehashed = deployment(1, 1, 1, 1, 1, 1, "pulp:1");
        rehashed.getSpec().getTemplate().getMetadata().setAnnotations(Map.of(ConfigHash.ANNOTATION, "h2"));
        assertThat(DeploymentReadiness.rolls(before, rehashed)).isTrue();
    }

    private static Job job(String condition) {
        var builder = new JobBuilder().withNewMetadata().withName("migrate").endMetadata();
        if (condition != null) {
            builder.withNewStatus()
                    .addNewCondition()
                    .withType(condition)
                    .withStatus("True")
                    .endCondition()
                    .endStatus();
        }
        return builder.build();
    }

    @Test
    void theMigrationGateCreatesTheJobOnlyOnceTheDatabaseIsReadyAndOpensWhenItCompleted() {
        assertThat(MigrationGate.next(null, false)).isEqualTo(MigrationGate.Step.WAIT_FOR_DATABASE);
        assertThat(MigrationGate.next(null, true)).isEqualTo(MigrationGate.Step.CREATE);
        assertThat(MigrationGate.next(job(null), true)).isEqualTo(MigrationGate.Step.RUNNING);
        assertThat(MigrationGate.next(job(null), false))
                .as("a running Job is not created again when the database blips")
                .isEqualTo(MigrationGate.Step.RUNNING);
        assertThat(MigrationGate.next(job(Jobs.COMPLETE), true)).isEqualTo(MigrationGate.Step.COMPLETE);
        assertThat(MigrationGate.next(job(Jobs.FAILED), true)).isEqualTo(MigrationGate.Step.FAILED);
    }

    @Test
    void aJobConditionCountsOnlyWhenTrue() {
        Job job = job(null);
        job.setStatus(new JobStatusBuilder()
                .addNewCondition()
                .withType(Jobs.COMPLETE)
                .withStatus("False")
                .endCondition()
                .build());
        assertThat(Jobs.condition(job, Jobs.COMPLETE)).isEmpty();
        assertThat(Jobs.condition(null, Jobs.COMPLETE)).isEmpty();
        assertThat(Jobs.condition(job(Jobs.COMPLETE), Jobs.COMPLETE)).isPresent();
    }
}
