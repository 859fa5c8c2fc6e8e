package org.theforeman.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.theforeman.operator.e2e.harness.RepositoryLayout;

/**
 * The README's run command, run as a new user runs it: {@code ./suite.sh up} in a fresh copy of the
 * repository (sources only: no jars, no cluster), without KUBECONFIG, so that it builds the operators,
 * starts the local control plane, applies the seed example and waits for it to be Ready; then
 * {@code ./suite.sh status} and {@code ./suite.sh down}, after which nothing of it may be left running.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteRunIT {
    private static final Pattern ANSI = Pattern.compile("\u001b\\[");
    private static Path copy;
    private static String upOutput;

    @BeforeAll
    static void freshCopy() throws Exception {
        copy = Files.createTempDirectory("suite-run-");
        Path root = RepositoryLayout.root();
        // What a clone holds: the files git tracks, and those it would track (new, not ignored).
        Process files = new ProcessBuilder("git", "ls-files", "--cached", "--others", "--exclude-standard", "-z")
                .directory(root.toFile())
                .redirectErrorStream(false)
                .start();
        String listing = new String(files.getInputStream().readAllBytes());
        assertThat(files.waitFor()).isZero();
        for (String file : listing.split("\0")) {
            Path source = root.resolve(file);
            if (file.isEmpty() || !Files.isRegularFile(source)) {
                continue;
            }
            Path target = copy.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    @AfterAll
    static void stopAndRemove() throws Exception {
        if (copy != null && Files.isDirectory(copy.resolve(".cluster"))) {
            run(Duration.ofMinutes(1), "./suite.sh", "down");
        }
        if (copy != null) {
            run(Duration.ofMinutes(1), "rm", "-rf", copy.toString());
        }
    }

    @Test
    @Order(1)
    void upBuildsStartsAndWaitsUntilTheSeedExampleIsReady() throws Exception {
        long started = System.nanoTime();
        Result up = run(Duration.ofMinutes(15), "./suite.sh", "up");
        upOutput = up.output();
        System.out.printf("./suite.sh up: exit %d after %.1f s%n%s%n", up.exit(), seconds(started), upOutput);
        assertThat(up.exit()).as(upOutput).isZero();
        assertThat(upOutput)
                .contains("Ready after")
                .contains("kubeconfig: " + copy.resolve(".cluster/cluster/kubeconfig"))
                .contains("get theforeman -n foreman")
                .contains("./suite.sh down")
                .doesNotContain("SLF4J")
                .doesNotContain("Exception");
        assertThat(ANSI.matcher(upOutput).find())
                .as("no terminal escapes when stdout is not a terminal")
                .isFalse();
        assertThat(upOutput).contains("Foreman/myforeman Ready=True");
    }

    @Test
    @Order(2)
    void statusShowsTheOperatorsAndTheReadySuite() throws Exception {
        Result status = run(Duration.ofMinutes(1), "./suite.sh", "status");
        assertThat(status.exit()).as(status.output()).isZero();
        for (String operator : List.of("pulp-operator", "smart-proxy-operator", "foreman-operator")) {
            assertThat(status.output()).contains(operator + ": running");
        }
        assertThat(status.output()).contains("Foreman/myforeman Ready=True");
    }

    @Test
    @Order(3)
    void downLeavesNothingRunning() throws Exception {
        List<Integer> ports = sidePorts(upOutput);
        Result down = run(Duration.ofMinutes(2), "./suite.sh", "down");
        assertThat(down.exit()).as(down.output()).isZero();
        Result left = run(Duration.ofSeconds(30), "pgrep", "-f", copy.toString());
        assertThat(left.output().strip())
                .as("processes of the copy still running")
                .isEmpty();
        for (int port : ports) {
            Result listening = run(Duration.ofSeconds(30), "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/" + port);
            assertThat(listening.exit()).as("side port %d still open", port).isNotZero();
        }
        Result status = run(Duration.ofMinutes(1), "./suite.sh", "status");
        assertThat(status.output()).contains("pulp-operator: stopped");
    }

    private static List<Integer> sidePorts(String output) {
        List<Integer> ports = new ArrayList<>();
        Matcher matcher = Pattern.compile("side port (\\d+)").matcher(output);
        while (matcher.find()) {
            ports.add(Integer.parseInt(matcher.group(1)));
        }
        assertThat(ports).as("side ports in:\n%s", output).hasSize(3);
        return ports;
    }

    private record Result(int exit, String output) {}

    /** Runs a command in the copy with the environment of a user's shell, minus KUBECONFIG. */
    private static Result run(Duration timeout, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("suite-run-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(copy.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.remove("KUBECONFIG");
        env.remove("FOREMAN_TEST_CLUSTER");
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log);
        Files.delete(log);
        return new Result(process.exitValue(), output);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
