package org.theforeman.operator.common.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.common.resources.StandardLabels;

class ManagedSourcesTest {
    private static Secret secret(String name, Map<String, String> labels) {
        return new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("ns")
                .withUid("u-" + name)
                .withResourceVersion("7")
                .withLabels(labels)
                .withManagedFields(new ManagedFieldsEntry())
                .endMetadata()
                .withData(Map.of("password", "c2VjcmV0"))
                .build();
    }

    @Test
    void aManagedObjectMapsToItsPrimaryByTheInstanceLabel() {
        Map<String, String> labels = Map.of(
                StandardLabels.NAME, "pulp",
                StandardLabels.INSTANCE, "mypulp",
                StandardLabels.MANAGED_BY, "pulp-operator");
        assertThat(ManagedSources.byInstanceLabel(secret("s", labels), "pulp", "pulp-operator"))
                .containsExactly(new ResourceID("mypulp", "ns"));
        assertThat(ManagedSources.byInstanceLabel(secret("s", labels), "foreman", "pulp-operator"))
                .as("another application's object")
                .isEmpty();
        assertThat(ManagedSources.byInstanceLabel(secret("s", labels), "pulp", "foreman-operator"))
                .as("another operator's object")
                .isEmpty();
        assertThat(ManagedSources.byInstanceLabel(secret("s", null), "pulp", "pulp-operator"))
                .isEmpty();
    }

    @Test
    void informersAreNamedSoThatTwoOfOneTypeCoexist() {
        assertThat(ManagedSources.managedName(Secret.class)).isEqualTo("Secret");
        assertThat(ManagedSources.referencedName(Secret.class)).isNotEqualTo(ManagedSources.managedName(Secret.class));
        assertThat(ManagedSources.referencedName(ConfigMap.class)).isEqualTo("referenced-ConfigMap");
        assertThat(ManagedSources.selector("pulp", "pulp-operator"))
                .isEqualTo("app.kubernetes.io/managed-by=pulp-operator,app.kubernetes.io/name=pulp");
    }

    @Test
    void referenceNamesDropNullsAndBlanks() {
        assertThat(ManagedSources.names("a", null, " ", "b", "a")).isEqualTo(Set.of("a", "b"));
    }

    @Test
    void theReferencedStoreKeepsWholeOnlyWhatAPrimaryRefersTo() {
        var store = new ReferencedObjectStore<Secret>((namespace, name) -> name.equals("db-credentials"));
        Secret wanted = secret("db-credentials", null);
        Secret unrelated = secret("helm-release", null);
        store.put(store.getKey(wanted), wanted);
        store.put(store.getKey(unrelated), unrelated);

        Secret kept = store.get("ns/db-credentials");
        assertThat(kept.getData()).containsKey("password");
        assertThat(kept.getMetadata().getManagedFields()).as("pruned").isNull();
        assertThat(ReferencedObjectStore.isPlaceholder(kept)).isFalse();

        Secret placeholder = store.get("ns/helm-release");
        assertThat(ReferencedObjectStore.isPlaceholder(placeholder)).isTrue();
        assertThat(placeholder.getData()).isNullOrEmpty();
        assertThat(placeholder.getMetadata().getResourceVersion()).isEqualTo("7");
        assertThat(store.size()).isEqualTo(2);
        store.remove("ns/helm-release");
        assertThat(store.keySet()).containsExactly("ns/db-credentials");
    }
}
