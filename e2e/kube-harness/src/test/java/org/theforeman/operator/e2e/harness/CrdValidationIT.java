package org.theforeman.operator.e2e.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API server enforces a CRD's OpenAPI schema and CEL rules at admission, and the status subresource
 * keeps status writes from bumping metadata.generation.
 */
@WithControlPlane
class CrdValidationIT {
    private static final String CRD_YAML = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: widgets.harness.theforeman.org
      spec:
        group: harness.theforeman.org
        scope: Namespaced
        names: {plural: widgets, singular: widget, kind: Widget}
        versions:
        - name: v1
          served: true
          storage: true
          subresources: {status: {}}
          schema:
            openAPIV3Schema:
              type: object
              properties:
                spec:
                  type: object
                  x-kubernetes-validations:
                  - rule: "self.min_replicas <= self.max_replicas"
                    message: "min_replicas must not exceed max_replicas"
                  properties:
                    min_replicas: {type: integer, minimum: 0}
                    max_replicas: {type: integer, minimum: 1}
                status:
                  type: object
                  properties:
                    phase: {type: string}
      """;
    private static final ResourceDefinitionContext WIDGETS = new ResourceDefinitionContext.Builder()
            .withGroup("harness.theforeman.org")
            .withVersion("v1")
            .withKind("Widget")
            .withPlural("widgets")
            .withNamespaced(true)
            .build();

    @BeforeAll
    static void installCrd(ControlPlane plane) {
        plane.applyCrd(Serialization.unmarshal(CRD_YAML, CustomResourceDefinition.class));
    }

    private static GenericKubernetesResource widget(String name, Object min, Object max) {
        return new GenericKubernetesResourceBuilder()
                .withApiVersion("harness.theforeman.org/v1")
                .withKind("Widget")
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withAdditionalProperties(Map.of("spec", Map.of("min_replicas", min, "max_replicas", max)))
                .build();
    }

    @Test
    void celRuleRejectsWithItsMessage(KubernetesClient admin, TestNamespace namespace) {
        var widgets = admin.genericKubernetesResources(WIDGETS).inNamespace(namespace.name());
        assertThatThrownBy(() -> widgets.resource(widget("inverted", 5, 2)).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getMessage())
                            .contains("min_replicas must not exceed max_replicas")
                            .contains("spec");
                });
        assertThat(widgets.resource(widget("valid", 1, 2))
                        .create()
                        .getMetadata()
                        .getUid())
                .isNotBlank();
    }

    @Test
    void openApiSchemaRejectsWrongTypesAndMinimums(KubernetesClient admin, TestNamespace namespace) {
        var widgets = admin.genericKubernetesResources(WIDGETS).inNamespace(namespace.name());
        assertThatThrownBy(() -> widgets.resource(widget("typed", "two", 3)).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("spec.min_replicas");
                });
        assertThatThrownBy(() -> widgets.resource(widget("negative", -1, 3)).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("spec.min_replicas").contains("greater than or equal to 0");
                });
    }

    @Test
    void statusWritesDoNotBumpGenerationButSpecWritesDo(KubernetesClient admin, TestNamespace namespace) {
        var widgets = admin.genericKubernetesResources(WIDGETS).inNamespace(namespace.name());
        GenericKubernetesResource created =
                widgets.resource(widget("counted", 1, 2)).create();
        long generation = created.getMetadata().getGeneration();

        created.setAdditionalProperty("status", Map.of("phase", "Running"));
        GenericKubernetesResource afterStatus = widgets.resource(created).updateStatus();
        assertThat(afterStatus.getMetadata().getGeneration()).isEqualTo(generation);
        assertThat(afterStatus.<String>get("status", "phase")).isEqualTo("Running");

        afterStatus.setAdditionalProperty("spec", Map.of("min_replicas", 1, "max_replicas", 3));
        GenericKubernetesResource afterSpec = widgets.resource(afterStatus).update();
        assertThat(afterSpec.getMetadata().getGeneration()).isEqualTo(generation + 1);
    }
}
