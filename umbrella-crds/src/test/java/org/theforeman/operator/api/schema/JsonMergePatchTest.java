package org.theforeman.operator.api.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

class JsonMergePatchTest {
    private final KubernetesSerialization serialization = new KubernetesSerialization();

    @Test
    void mergesNestedPropertiesInsteadOfReplacingThem() {
        JSONSchemaProps schema = serialization.unmarshal("""
                {"type": "object", "properties": {
                  "tolerations": {"type": "array", "items": {"type": "object", "properties": {
                    "key": {"type": "string"}, "operator": {"type": "string"}}}},
                  "image": {"type": "string", "maxLength": 512}}}
                """, JSONSchemaProps.class);

        JSONSchemaProps patched = new JsonMergePatch().apply(schema, """
                        {"properties": {"tolerations": {"maxItems": 32, "items": {"properties": {
                          "operator": {"enum": ["", "Equal", "Exists"]}}}}}}
                        """, serialization);

        JSONSchemaProps tolerations = patched.getProperties().get("tolerations");
        assertThat(tolerations.getMaxItems()).isEqualTo(32L);
        assertThat(tolerations.getType()).isEqualTo("array");
        assertThat(tolerations.getItems().getSchema().getProperties()).containsKeys("key", "operator");
        assertThat(tolerations
                        .getItems()
                        .getSchema()
                        .getProperties()
                        .get("operator")
                        .getEnum())
                .hasSize(3);
        assertThat(tolerations
                        .getItems()
                        .getSchema()
                        .getProperties()
                        .get("operator")
                        .getType())
                .isEqualTo("string");
        assertThat(patched.getProperties().get("image").getMaxLength()).isEqualTo(512L);
    }

    @Test
    void nullRemovesAndArraysAreReplaced() {
        JSONSchemaProps schema = serialization.unmarshal(
                "{\"type\": \"object\", \"required\": [\"a\"], \"description\": \"x\"}", JSONSchemaProps.class);

        JSONSchemaProps patched = new JsonMergePatch()
                .apply(schema, "{\"required\": [\"b\", \"c\"], \"description\": null}", serialization);

        assertThat(patched.getRequired()).containsExactly("b", "c");
        assertThat(patched.getDescription()).isNull();
        assertThat(patched.getType()).isEqualTo("object");
    }
}
