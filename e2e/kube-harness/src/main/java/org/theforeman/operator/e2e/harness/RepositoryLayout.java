package org.theforeman.operator.e2e.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds files of this repository from wherever a test runs (a module directory, the root). */
public final class RepositoryLayout {
    private RepositoryLayout() {}

    /** The repository root: the nearest ancestor of the working directory with {@code e2e/cluster}. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("e2e/cluster/cluster.sh"))) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "no e2e/cluster/cluster.sh above " + dir + ": run the tests from the repository");
    }

    public static Path clusterScript() {
        return root().resolve("e2e/cluster/cluster.sh");
    }

    private static Path binDir;

    /** The directory of the control-plane binaries and kubectl; builds them on first use. */
    public static synchronized Path binDir() {
        if (binDir == null) {
            String out = LocalControlPlane.run(root().resolve("e2e/cluster/build.sh"), List.of(), 1_800);
            String[] lines = out.strip().split("\n");
            binDir = Path.of(lines[lines.length - 1].strip());
        }
        return binDir;
    }
}
