package org.theforeman.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The validation rules make the CRDs large. A client-side {@code kubectl apply -f} stores the whole CRD as compact JSON
 * in the last-applied-configuration annotation, and annotations may hold at most 256 KiB: past that only
 * {@code --server-side} installs the CRD.
 */
class CrdSizeTest {
    private static final int ANNOTATIONS_LIMIT = 256 * 1024;

    @Test
    void everyCrdFitsInTheLastAppliedAnnotation() throws IOException {
        List<Path> crds;
        try (Stream<Path> files = Files.list(Path.of("../install/crds"))) {
            crds = files.sorted().toList();
        }
        assertThat(crds).hasSize(3);
        for (Path crd : crds) {
            JsonNode tree = Serialization.unmarshal(Files.readString(crd), JsonNode.class);
            assertThat(Serialization.asJson(tree).length())
                    .as("%s as compact JSON", crd.getFileName())
                    .isLessThan(ANNOTATIONS_LIMIT);
        }
    }
}
