package org.theforeman.operator.common.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.api.v1alpha1.PulpStatus;

class PrunedItemStoreTest {
    private static ManagedFieldsEntry entry(String manager, String operation, String subresource) {
        return new ManagedFieldsEntryBuilder()
                .withManager(manager)
                .withOperation(operation)
                .withSubresource(subresource)
                .build();
    }

    private static Deployment deployment() {
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName("pulp-api")
                .withNamespace("ns")
                .withAnnotations(Map.of(
                        PrunedItemStore.LAST_APPLIED, "{\"huge\": true}", "deployment.kubernetes.io/revision", "1"))
                .withManagedFields(
                        entry("pulp-operator", "Apply", null),
                        entry("kube-controller-manager", "Update", "status"),
                        entry("kubectl-edit", "Update", null),
                        entry("pulp-operator", "Update", null))
                .endMetadata()
                .build();
    }

    @Test
    void cachedObjectsKeepOnlyTheOperatorsOwnApplyEntry() {
        var store = new PrunedItemStore<Deployment>("pulp-operator");
        Deployment cached = deployment();
        store.put(store.getKey(cached), cached);

        Deployment kept = store.get("ns/pulp-api");
        assertThat(kept.getMetadata().getManagedFields())
                .as("the drift test reads the operator's own apply entry")
                .singleElement()
                .satisfies(e -> assertThat(e.getManager()).isEqualTo("pulp-operator"))
                .satisfies(e -> assertThat(e.getOperation()).isEqualTo("Apply"));
        assertThat(kept.getMetadata().getAnnotations()).containsOnlyKeys("deployment.kubernetes.io/revision");
    }

    @Test
    void withoutAManagerNoEntryIsKept() {
        Deployment object = deployment();
        PrunedItemStore.prune(object, null);
        assertThat(object.getMetadata().getManagedFields()).isNull();
    }

    @Test
    void aStatusApplyCarriesNeitherSpecNorResourceVersion() {
        Pulp pulp = new Pulp();
        pulp.getMetadata().setName("p");
        pulp.getMetadata().setNamespace("ns");
        pulp.getMetadata().setResourceVersion("42");
        pulp.getMetadata().setUid("u");
        PulpStatus status = new PulpStatus();
        status.setObservedGeneration(3L);

        Pulp patch = StatusApply.statusOnly(pulp, status);

        assertThat(patch.getMetadata().getResourceVersion()).isNull();
        assertThat(patch.getMetadata().getName()).isEqualTo("p");
        assertThat(patch.getSpec()).isNull();
        assertThat(patch.getStatus()).isSameAs(status);
        assertThat(patch.getKind()).isEqualTo("Pulp");
    }
}
