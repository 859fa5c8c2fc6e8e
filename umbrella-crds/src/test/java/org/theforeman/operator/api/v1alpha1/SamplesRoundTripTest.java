package org.theforeman.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample maps onto the model without losing or misreading a field: YAML → model → JSON gives
 * the same tree. A typo in a sample or a field the model lacks fails here.
 */
class SamplesRoundTripTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper STRICT =
            Serialization.jsonMapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static Stream<Path> samples() {
        return Samples.files().stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void roundTripsThroughTheModel(Path file) throws Exception {
        int suiteDocuments = 0;
        for (String document : Samples.documents(file)) {
            JsonNode original = YAML.readTree(document);
            Class<? extends HasMetadata> model =
                    Samples.modelOf(original.path("kind").asText());
            if (model == null) {
                continue;
            }
            suiteDocuments++;
            HasMetadata parsed = STRICT.treeToValue(original, model);
            JsonNode again = STRICT.valueToTree(parsed);
            assertThat(again.get("spec")).as("%s spec after a round trip", file).isEqualTo(original.get("spec"));
            assertThat(again.get("metadata").get("name"))
                    .isEqualTo(original.get("metadata").get("name"));
        }
        assertThat(suiteDocuments).as("%s holds a resource of the suite", file).isPositive();
    }

    @Test
    void seedExampleIsTheDesignDiscussionsExample() throws Exception {
        Foreman seed = STRICT.treeToValue(
                YAML.readTree(Samples.DIR.resolve("foreman-seed.yaml").toFile()), Foreman.class);
        assertThat(seed.getMetadata().getName()).isEqualTo("myforeman");
        assertThat(seed.getMetadata().getNamespace()).isEqualTo("foreman");
        assertThat(seed.getSpec().getDynflowWorkers()).isEqualTo(2);
        assertThat(seed.getSpec().getPlugins())
                .containsOnlyKeys("katello", "remote_execution")
                .doesNotContainValue(false);
    }

    @Test
    void everyKindHasASample() {
        List<String> kinds = samples()
                .flatMap(f -> Samples.documents(f).stream())
                .map(doc -> {
                    try {
                        return YAML.readTree(doc).path("kind").asText();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
        assertThat(kinds).contains("Foreman", "SmartProxy", "Pulp");
    }
}
