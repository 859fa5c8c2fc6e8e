package org.theforeman.operator.common.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
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
        assertThat(DesiredState.isSatisfiedBy(desired, actual, "op")).isTrue();
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
        assertThat(DesiredState.isSatisfiedBy(desired, edited, "op")).isFalse();
        var relabelled = new ServiceBuilder(desired)
                .withMetadata(new ObjectMetaBuilder().withName("s").build())
                .build();
        var labelled = new ServiceBuilder(desired)
                .editMetadata()
                .addToLabels("app", "x")
                .endMetadata()
                .build();
        assertThat(DesiredState.isSatisfiedBy(labelled, relabelled, "op")).isFalse();
        assertThat(DesiredState.isSatisfiedBy(desired, null, "op")).isFalse();
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
        assertThat(DesiredState.isSatisfiedBy(deploymentWanted, deploymentActual, "op"))
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

    /** A Deployment the manager "op" applied with a node selector and an env entry, as the server stores it. */
    private static Deployment appliedWithSelectorAndEnv() {
        Map<String, Object> container = Map.of(
                "k:{\"name\":\"api\"}",
                Map.of(
                        ".",
                        Map.of(),
                        "f:name",
                        Map.of(),
                        "f:image",
                        Map.of(),
                        "f:env",
                        Map.of(
                                "k:{\"name\":\"A\"}", Map.of(".", Map.of(), "f:name", Map.of(), "f:value", Map.of()),
                                "k:{\"name\":\"EXTRA\"}",
                                        Map.of(".", Map.of(), "f:name", Map.of(), "f:value", Map.of()))));
        Map<String, Object> fields = Map.of(
                "f:metadata", Map.of("f:labels", Map.of("f:app", Map.of())),
                "f:spec",
                        Map.of(
                                "f:template",
                                Map.of(
                                        "f:spec",
                                        Map.of(
                                                "f:nodeSelector",
                                                Map.of("f:disktype", Map.of()),
                                                "f:containers",
                                                container))));
        return new DeploymentBuilder(deployment(
                        Map.of("disktype", "ssd"),
                        List.of(new EnvVar("A", "1", null), new EnvVar("EXTRA", "on", null))))
                .editMetadata()
                .addToLabels("pod-template-hash", "abc") // another manager's
                .addToManagedFields(new ManagedFieldsEntryBuilder()
                        .withManager("op")
                        .withOperation("Apply")
                        .withFieldsV1(OwnedFieldsTest.fieldsV1(fields))
                        .build())
                .endMetadata()
                .build();
    }

    private static Deployment deployment(Map<String, String> nodeSelector, List<EnvVar> env) {
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName("d")
                .withLabels(Map.of("app", "x"))
                .endMetadata()
                .withNewSpec()
                .withNewTemplate()
                .withNewSpec()
                .withNodeSelector(nodeSelector)
                .addNewContainer()
                .withName("api")
                .withImage("img")
                .withEnv(env)
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    @Test
    void unchangedOwnedFieldsAreSatisfied() {
        var desired = deployment(
                Map.of("disktype", "ssd"), List.of(new EnvVar("A", "1", null), new EnvVar("EXTRA", "on", null)));
        assertThat(DesiredState.isSatisfiedBy(desired, appliedWithSelectorAndEnv(), "op"))
                .isTrue();
    }

    @Test
    void aRemovedMapEntryIsDrift() {
        var desired = deployment(null, List.of(new EnvVar("A", "1", null), new EnvVar("EXTRA", "on", null)));
        assertThat(DesiredState.isSatisfiedBy(desired, appliedWithSelectorAndEnv(), "op"))
                .isFalse();
    }

    @Test
    void aRemovedListEntryIsDrift() {
        var desired = deployment(Map.of("disktype", "ssd"), List.of(new EnvVar("A", "1", null)));
        assertThat(DesiredState.isSatisfiedBy(desired, appliedWithSelectorAndEnv(), "op"))
                .isFalse();
    }

    @Test
    void fieldsOwnedByAnotherManagerAreNotDrift() {
        var desired = deployment(null, List.of(new EnvVar("A", "1", null), new EnvVar("EXTRA", "on", null)));
        // The same object, but the node selector belongs to someone else: not the operator's to remove.
        var actual = appliedWithSelectorAndEnv();
        actual.getMetadata()
                .setManagedFields(List.of(new ManagedFieldsEntryBuilder()
                        .withManager("op")
                        .withOperation("Apply")
                        .withFieldsV1(OwnedFieldsTest.fieldsV1(
                                Map.of("f:metadata", Map.of("f:labels", Map.of("f:app", Map.of())))))
                        .build()));
        assertThat(DesiredState.isSatisfiedBy(desired, actual, "op")).isTrue();
    }
}
