package org.theforeman.operator.common.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.api.v1alpha1.Pulp;

class StandardLabelsTest {
    private static Pulp pulp(String name, String uid) {
        Pulp pulp = new Pulp();
        pulp.getMetadata().setName(name);
        pulp.getMetadata().setNamespace("content");
        pulp.getMetadata().setUid(uid);
        return pulp;
    }

    @Test
    void componentLabels() {
        assertThat(StandardLabels.of(pulp("main", "u1"), "pulp", "api", "pulp-operator"))
                .containsExactly(
                        Map.entry("app.kubernetes.io/name", "pulp"),
                        Map.entry("app.kubernetes.io/instance", "main"),
                        Map.entry("app.kubernetes.io/component", "api"),
                        Map.entry("app.kubernetes.io/part-of", "foreman-suite"),
                        Map.entry("app.kubernetes.io/managed-by", "pulp-operator"));
    }

    @Test
    void selectorIsTheStableSubset() {
        assertThat(StandardLabels.selector(pulp("main", "u1"), "pulp", "worker"))
                .containsOnlyKeys(
                        "app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/component");
    }

    @Test
    void userLabelsPropagateButCannotOverrideStandardKeys() {
        Map<String, String> standard = StandardLabels.of(pulp("main", "u1"), "pulp", "api", "pulp-operator");
        Map<String, String> merged = StandardLabels.withUserLabels(
                Map.of("team", "content", "app.kubernetes.io/instance", "evil"), standard);
        assertThat(merged).containsEntry("team", "content").containsEntry("app.kubernetes.io/instance", "main");
    }

    @Test
    void controllerOwnerReference() {
        Pulp owner = pulp("main", "0f1e");
        OwnerReference reference = OwnerReferences.controller(owner);
        assertThat(reference.getApiVersion()).isEqualTo("app.theforeman.org/v1alpha1");
        assertThat(reference.getKind()).isEqualTo("Pulp");
        assertThat(reference.getName()).isEqualTo("main");
        assertThat(reference.getUid()).isEqualTo("0f1e");
        assertThat(reference.getController()).isTrue();
        assertThat(reference.getBlockOwnerDeletion()).isTrue();

        ConfigMap child = new ConfigMapBuilder()
                .withNewMetadata()
                .withName("c")
                .withOwnerReferences(reference)
                .endMetadata()
                .build();
        assertThat(OwnerReferences.isControlledBy(child, owner)).isTrue();
        assertThat(OwnerReferences.isControlledBy(child, pulp("main", "other-uid")))
                .isFalse();
    }

    @Test
    void ownerWithoutUidIsRejected() {
        assertThatThrownBy(() -> OwnerReferences.controller(pulp("main", null))).hasMessageContaining("uid");
    }

    @Test
    void userAnnotationsAreAddedButOperatorAnnotationsWin() {
        var metadata =
                new ObjectMetaBuilder().addToAnnotations("owned", "operator").build();
        ManagedMetadata.addUserAnnotations(metadata, Map.of("owned", "user", "extra", "x"));
        assertThat(metadata.getAnnotations()).containsEntry("owned", "operator").containsEntry("extra", "x");
        var bare = new ObjectMetaBuilder().build();
        ManagedMetadata.addUserAnnotations(bare, null);
        assertThat(bare.getAnnotations()).isNullOrEmpty();
    }
}
