package org.theforeman.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CRDs under install/crds are the ones generated from the model classes. After changing the model,
 * refresh them with {@code mvn -pl umbrella-crds test -Dupdate.install=true}.
 */
class InstalledCrdsTest {
    private static final Path GENERATED = Path.of("target/classes/META-INF/fabric8");
    private static final Path INSTALLED = Path.of("../install/crds");

    @Test
    void checkedInCrdsMatchTheGeneratedOnes() throws IOException {
        List<Path> generated;
        try (Stream<Path> files = Files.list(GENERATED)) {
            generated =
                    files.filter(f -> f.toString().endsWith("-v1.yml")).sorted().toList();
        }
        assertThat(generated)
                .extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder(
                        Foreman.CRD_NAME + "-v1.yml", SmartProxy.CRD_NAME + "-v1.yml", Pulp.CRD_NAME + "-v1.yml");
        if (Boolean.getBoolean("update.install")) {
            Files.createDirectories(INSTALLED);
            for (Path file : generated) {
                Files.copy(file, INSTALLED.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (Path file : generated) {
            Path installed = INSTALLED.resolve(file.getFileName());
            assertThat(installed)
                    .as("%s is checked in; run: mvn -pl umbrella-crds test -Dupdate.install=true", installed)
                    .exists();
            assertThat(Files.readString(installed))
                    .as("%s is stale; run: mvn -pl umbrella-crds test -Dupdate.install=true", installed)
                    .isEqualTo(Files.readString(file));
        }
        try (Stream<Path> files = Files.list(INSTALLED)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("no CRD in install/crds without a model class")
                    .containsExactlyInAnyOrderElementsOf(generated.stream()
                            .map(f -> f.getFileName().toString())
                            .toList());
        }
    }
}
