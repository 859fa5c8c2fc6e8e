package org.theforeman.operator.common.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DesiredStateTest {
    @Test
    void serverAddedFieldsDoNotCountAsDrift() {
        var desired = new ConfigMapBuilder()
                .withNewMetadata()
                .withName("c")
                .withLabels(Map.of("a", "1"))
                .endMetadata()
                .withData(Map.of("k", "v"))
                .build();
        var actual = new ConfigMapBuilder(desired)
                .editMetadata()
                .withResourceVersion("42")
                .withUid("u")
                .addToLabels("other", "x")
                .addToAnnotations("note", "y")
                .endMetadata()
                .build();
        assertThat(DesiredState.isSatisfiedBy(desired, actual)).isTrue();
    }

    @Test
    void changedOrMissingFieldsAreDrift() {
        var desired = new ServiceBuilder()
                .withNewMetadata()
                .withName("s")
                .endMetadata()
                .withNewSpec()
                .addNewPort()
                .withPort(24817)
                .endPort()
                .endSpec()
                .build();
        var edited = new ServiceBuilder(desired)
                .editSpec()
                .editFirstPort()
                .withPort(8080)
                .endPort()
                .endSpec()
                .build();
        assertThat(DesiredState.isSatisfiedBy(desired, edited)).isFalse();
        var relabelled = new ServiceBuilder(desired)
                .withMetadata(new ObjectMetaBuilder().withName("s").build())
                .build();
        var labelled = new ServiceBuilder(desired)
                .editMetadata()
                .addToLabels("app", "x")
                .endMetadata()
                .build();
        assertThat(DesiredState.isSatisfiedBy(labelled, relabelled)).isFalse();
        assertThat(DesiredState.isSatisfiedBy(desired, null)).isFalse();
    }

    @Test
    void zeroValuesTheServerOmitsAreSatisfiedByAbsence() {
        var desired = new VolumeBuilder()
                .withName("data")
                .withNewPersistentVolumeClaim("claim", false)
                .build();
        var omitted = new VolumeBuilder()
                .withName("data")
                .withNewPersistentVolumeClaim()
                .withClaimName("claim")
                .endPersistentVolumeClaim()
                .build();
        var deploymentWanted = new DeploymentBuilder()
                .withNewMetadata()
                .withName("d")
                .endMetadata()
                .withNewSpec()
                .withNewTemplate()
                .withNewSpec()
                .withVolumes(desired)
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
        var deploymentActual = new DeploymentBuilder()
                .withNewMetadata()
                .withName("d")
                .endMetadata()
                .withNewSpec()
                .withNewTemplate()
                .withNewSpec()
                .withVolumes(omitted)
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
        assertThat(DesiredState.isSatisfiedBy(deploymentWanted, deploymentActual))
                .isTrue();
    }

    @Test
    void quantitiesCompareByAmount() {
        assertThat(DesiredState.contains(
                        Serialization.jsonMapper().valueToTree(new Quantity("500m")),
                        Serialization.jsonMapper().valueToTree(new Quantity("0.5"))))
                .isTrue();
        assertThat(DesiredState.contains(
                        Serialization.jsonMapper().valueToTree(new Quantity("1Gi")),
                        Serialization.jsonMapper().valueToTree(new Quantity("1G"))))
                .isFalse();
    }
}
