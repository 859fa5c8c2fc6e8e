package org.theforeman.operator.suite.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
        assertThat(List.of(Manifests.JAVA_OPTIONS.split(" "))).isEqualTo(benchmarked("jvm.options"));
        assertThat(List.of(Manifests.JAVA_OPTIONS_RSA.split(" "))).isEqualTo(benchmarked("jvm-rsa.options"));
        assertThat(Manifests.javaOptions(Operators.PULP)).isEqualTo(Manifests.JAVA_OPTIONS);
        assertThat(Manifests.javaOptions(Operators.SMART_PROXY)).isEqualTo(Manifests.JAVA_OPTIONS_RSA);
    }

    /**
     * An options file of e2e/bench as a bundle says it: the heap a share of the memory limit instead of
     * -Xmx, and no class-data archive (a local build's; the images have none).
     */
    private static List<String> benchmarked(String file) throws IOException {
        String line = Files.readString(RepositoryLayout.root().resolve("e2e/bench/" + file))
                .trim();
        return Arrays.stream(line.split("\\s+"))
                .filter(o -> !o.startsWith("-XX:SharedArchiveFile="))
                .map(o -> o.startsWith("-Xmx") ? "-XX:MaxRAMPercentage=30" : o)
                .toList();
    }

    @Test
    void imagesAreNamedAfterTheModuleAndTheProjectVersion() {
        ImageNames images = ImageNames.fromBuild();
        assertThat(images.of("pulp-operator")).matches("ghcr\\.io/theforeman/pulp-operator:\\d+\\.\\d+\\.\\d+.*");
    }
}
