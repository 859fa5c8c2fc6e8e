package org.theforeman.operator.common.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnedFieldsTest {
    /** A fieldsV1 set as the server would store it. */
    static FieldsV1 fieldsV1(Map<String, ?> fields) {
        FieldsV1 result = new FieldsV1();
        fields.forEach(result::setAdditionalProperty);
        return result;
    }

    private static JsonNode json(String text) throws Exception {
        return Serialization.jsonMapper().readTree(text);
    }

    @Test
    void anOwnedFieldTheDesiredObjectNoLongerSetsIsARemoval() throws Exception {
        JsonNode actual = json("""
                {"spec": {"replicas": 2, "paused": true, "selector": {"app": "x", "tier": "web"}}}""");
        JsonNode owned = json("""
                {"f:spec": {"f:replicas": {}, "f:selector": {".": {}, "f:app": {}, "f:tier": {}}}}""");
        assertThat(OwnedFields.stillWanted(
                        json("{\"spec\": {\"replicas\": 2, \"selector\": {\"app\": \"x\", \"tier\": \"web\"}}}"),
                        actual,
                        owned))
                .as("paused belongs to someone else")
                .isTrue();
        assertThat(OwnedFields.stillWanted(
                        json("{\"spec\": {\"replicas\": 2, \"selector\": {\"app\": \"x\"}}}"), actual, owned))
                .as("selector.tier removed")
                .isFalse();
        assertThat(OwnedFields.stillWanted(json("{\"spec\": {\"replicas\": 2}}"), actual, owned))
                .as("the whole selector removed")
                .isFalse();
    }

    @Test
    void listElementsAreMatchedByKeyByValueOrByIndex() throws Exception {
        JsonNode actual = json("""
                {"env": [{"name": "A", "value": "1"}, {"name": "B", "value": "2"}],
                 "finalizers": ["x", "y"],
                 "ports": [{"port": 80, "protocol": "TCP", "name": "http"}]}""");
        JsonNode owned = json("""
                {"f:env": {"k:{\\"name\\":\\"B\\"}": {".": {}, "f:name": {}, "f:value": {}}},
                 "f:finalizers": {"v:\\"y\\"": {}},
                 "f:ports": {"k:{\\"port\\":80,\\"protocol\\":\\"TCP\\"}": {".": {}, "f:port": {}, "f:name": {}}}}""");
        JsonNode allWanted = json("""
                {"env": [{"name": "B", "value": "2"}], "finalizers": ["y"], "ports": [{"port": 80, "name": "http"}]}""");
        assertThat(OwnedFields.stillWanted(allWanted, actual, owned))
                .as("A and x are someone else's; the port's protocol is the server's default")
                .isTrue();
        JsonNode envRemoved = json("""
                {"env": [], "finalizers": ["y"], "ports": [{"port": 80, "name": "http"}]}""");
        assertThat(OwnedFields.stillWanted(envRemoved, actual, owned)).isFalse();
        JsonNode finalizerRemoved = json("""
                {"env": [{"name": "B", "value": "2"}], "ports": [{"port": 80, "name": "http"}]}""");
        assertThat(OwnedFields.stillWanted(finalizerRemoved, actual, owned)).isFalse();
    }

    @Test
    void whatTheServerDefaultsInsideAnOwnedAtomicValueIsNoRemoval() throws Exception {
        JsonNode actual = json("""
                {"spec": {"volumeClaimTemplates": [{"apiVersion": "v1", "kind": "PersistentVolumeClaim",
                  "metadata": {"name": "data"}, "spec": {"volumeMode": "Filesystem"}, "status": {"phase": "Pending"}}]}}""");
        JsonNode owned = json("{\"f:spec\": {\"f:volumeClaimTemplates\": {}}}");
        JsonNode desired = json("""
                {"spec": {"volumeClaimTemplates": [{"metadata": {"name": "data"}, "spec": {}}]}}""");
        assertThat(OwnedFields.stillWanted(desired, actual, owned)).isTrue();
        assertThat(OwnedFields.stillWanted(json("{\"spec\": {}}"), actual, owned))
                .isFalse();
    }

    @Test
    void onlyTheManagersApplyEntryCounts() {
        var configMap = new ConfigMapBuilder()
                .withNewMetadata()
                .withName("c")
                .addToManagedFields(new ManagedFieldsEntryBuilder()
                        .withManager("kubectl-edit")
                        .withOperation("Update")
                        .withFieldsV1(OwnedFieldsTest.fieldsV1(Map.of("f:data", Map.of())))
                        .build())
                .addToManagedFields(new ManagedFieldsEntryBuilder()
                        .withManager("op")
                        .withOperation("Apply")
                        .withFieldsV1(OwnedFieldsTest.fieldsV1(Map.of("f:data", Map.of("f:k", Map.of()))))
                        .build())
                .endMetadata()
                .build();
        assertThat(OwnedFields.of(configMap, "op"))
                .hasValueSatisfying(owned -> assertThat(owned.has("f:data")).isTrue());
        assertThat(OwnedFields.of(configMap, "kubectl-edit")).isEmpty();
        assertThat(OwnedFields.of(configMap, "other")).isEmpty();
    }
}
