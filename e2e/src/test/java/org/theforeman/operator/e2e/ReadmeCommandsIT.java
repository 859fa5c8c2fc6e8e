package org.theforeman.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.LocalControlPlane;
import org.theforeman.operator.e2e.harness.RepositoryLayout;

/**
 * Every command the README shows is run by a test. The kubectl commands run here, in the order the README
 * gives them, against a fresh control plane from the repository root, and must succeed; every other
 * command must be one that a named test runs (so a new kind of command in the README fails this test
 * until a test runs it).
 */
class ReadmeCommandsIT {
    private static final Pattern BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern COMMENT = Pattern.compile("\\s+#\\s.*$");
    /** Commands run by other tests: their prefix and the test. */
    private static final Map<String, String> COVERED_ELSEWHERE = Map.of(
            "./suite.sh ", "SuiteRunIT runs up, status and down from a fresh copy",
            "mvn -B verify", ".ci/run runs it; it is this very test run",
            "java -jar foreman-suite/", "AllInOneIT starts the all-in-one jar",
            "java -jar ", "OperatorProcessIT starts each operator's jar",
            "helm install foreman-suite install/helm/", "HelmInstallIT installs and uninstalls the chart",
            "e2e/cluster/cluster.sh ", "ClusterLifecycleIT runs up and down",
            "e2e/bench/bench.sh --smoke", "BenchSmokeIT runs the benchmark at N=1",
            "e2e/pulpcore/pulpcore.sh install", "PulpTrafficIT and RealPulpcoreIT install through it");
    /** A line that ends in kubectl (a generated file piped into it) runs here like a kubectl line. */
    private static final Pattern PIPED_INTO_KUBECTL = Pattern.compile("^[^|]+\\| kubectl [^|]+$");

    @Test
    void everyKubectlCommandOfTheReadmeSucceedsAndEveryOtherIsRunByATest() throws Exception {
        // A control plane of its own, as fresh as a reader's: the shared one holds what other tests installed.
        try (LocalControlPlane plane = LocalControlPlane.start()) {
            runReadme(plane);
        }
    }

    private static void runReadme(ControlPlane plane) throws Exception {
        Path root = RepositoryLayout.root();
        List<String> commands = commands(Files.readString(root.resolve("README.md")));
        assertThat(commands).as("commands found in the README").isNotEmpty();
        List<String> uncovered = new ArrayList<>();
        int ran = 0;
        for (String command : commands) {
            if (command.startsWith("kubectl ")
                    || PIPED_INTO_KUBECTL.matcher(command).matches()) {
                ProcessBuilder builder = new ProcessBuilder("bash", "-c", command)
                        .directory(root.toFile())
                        .redirectErrorStream(true);
                // The kubectl the project builds with its control plane, as the README's reader would use theirs.
                builder.environment().put("KUBECONFIG", plane.kubeconfig().toString());
                builder.environment()
                        .put(
                                "PATH",
                                RepositoryLayout.binDir() + ":"
                                        + builder.environment().get("PATH"));
                Process process = builder.start();
                process.getOutputStream().close();
                String output = new String(process.getInputStream().readAllBytes());
                assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).as("%s%n%s", command, output).isZero();
                ran++;
            } else if (COVERED_ELSEWHERE.keySet().stream().noneMatch(command::startsWith)) {
                uncovered.add(command);
            }
        }
        System.out.printf("README: %d commands, %d kubectl commands run here%n", commands.size(), ran);
        assertThat(uncovered).as("README commands that no test runs").isEmpty();
    }

    static List<String> commands(String readme) {
        List<String> commands = new ArrayList<>();
        Matcher block = BLOCK.matcher(readme);
        while (block.find()) {
            for (String line : block.group(1).split("\n")) {
                String command = COMMENT.matcher(line).replaceFirst("").strip();
                if (!command.isEmpty() && !command.startsWith("#")) {
                    commands.add(command);
                }
            }
        }
        return commands;
    }
}
