package org.theforeman.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The defaults the field descriptions and the README promise are in the generated schemas. */
class CrdDefaultsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode spec(String crd) throws Exception {
        return YAML.readTree(Path.of("../install/crds/" + crd + "-v1.yml").toFile())
                .at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties");
    }

    @Test
    void pulpDefaults() throws Exception {
        JsonNode spec = spec(Pulp.CRD_NAME);
        assertThat(spec.at("/image/default").asText()).isEqualTo("quay.io/pulp/pulp-minimal");
        assertThat(spec.at("/image_version/default").asText()).isEqualTo(PulpSpec.DEFAULT_VERSION);
        assertThat(spec.at("/ingress_type/default").asText()).isEqualTo("none");
        assertThat(spec.at("/deletion_policy/default").asText()).isEqualTo("Retain");
        assertThat(spec.at("/image_pull_policy/default").asText()).isEqualTo("IfNotPresent");
        assertThat(spec.at("/api/properties/hpa/properties/target_cpu_utilization_percentage/default")
                        .asInt())
                .isEqualTo(80);
    }

    @Test
    void foremanDefaults() throws Exception {
        JsonNode spec = spec(Foreman.CRD_NAME);
        assertThat(spec.at("/replicas/default").asInt()).isEqualTo(1);
        assertThat(spec.at("/dynflow_workers/default").asInt()).isEqualTo(1);
        assertThat(spec.at("/deletion_policy/default").asText()).isEqualTo("Retain");
        assertThat(spec.at("/admin/properties/username/default").asText()).isEqualTo("admin");
        assertThat(spec.at("/ingress/properties/type/default").asText()).isEqualTo("none");
    }

    @Test
    void smartProxyDefaults() throws Exception {
        JsonNode spec = spec(SmartProxy.CRD_NAME);
        assertThat(spec.at("/features/properties/logs/properties/enabled/default")
                        .asBoolean())
                .isTrue();
        assertThat(spec.at("/features/properties/remote_execution_ssh/properties/mode/default")
                        .asText())
                .isEqualTo("ssh");
        assertThat(spec.at("/service/properties/type/default").asText()).isEqualTo("ClusterIP");
    }
}
