package org.theforeman.operator.suite.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.e2e.harness.RepositoryLayout;

/**
 * The files under install/ are the ones generated from {@link Operators}. After changing a description,
 * refresh them with {@code mvn -pl foreman-suite -am test -Dtest=InstalledBundlesTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dupdate.install=true}.
 */
class InstalledBundlesTest {
    private static final String REFRESH = "mvn -pl foreman-suite -am test -Dtest=InstalledBundlesTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dupdate.install=true";

    @Test
    void checkedInInstallFilesMatchTheGeneratedOnes() throws IOException {
        Path root = RepositoryLayout.root();
        Map<String, String> generated = InstallFiles.all(root, ImageNames.fromBuild());
        if (Boolean.getBoolean("update.install")) {
            for (var file : generated.entrySet()) {
                Path path = root.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
        }
        for (var file : generated.entrySet()) {
            Path path = root.resolve(file.getKey());
            assertThat(path)
                    .as("%s is checked in; run: %s", file.getKey(), REFRESH)
                    .exists();
            assertThat(Files.readString(path))
                    .as("%s is stale; run: %s", file.getKey(), REFRESH)
                    .isEqualTo(file.getValue());
        }
    }

    @Test
    void theBundlesRunTheJvmOptionsTheBenchmarkValidated() throws IOException {
        // e2e/bench/jvm.options bounds the heap with -Xmx and names the class-data archive of a local
        // build; the bundles size the heap from the memory limit and their images have no such archive.
        List<String> measured = List.of(Files.readString(RepositoryLayout.root().resolve("e2e/bench/jvm.options"))
                        .trim()
                        .split("\\s+"))
                .stream()
                .filter(o -> !o.startsWith("-Xmx") && !o.startsWith("-XX:SharedArchiveFile="))
                .toList();
        assertThat(List.of(Manifests.JAVA_OPTIONS.split(" ")))
                .containsAll(measured)
                .hasSize(measured.size() + 1)
                .contains("-XX:MaxRAMPercentage=30");
    }

    @Test
    void imagesAreNamedAfterTheModuleAndTheProjectVersion() {
        ImageNames images = ImageNames.fromBuild();
        assertThat(images.of("pulp-operator")).matches("ghcr\\.io/theforeman/pulp-operator:\\d+\\.\\d+\\.\\d+.*");
    }
}
