package org.theforeman.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.e2e.harness.RepositoryLayout;

/**
 * The benchmark (e2e/bench/bench.sh) at N=1, so that it keeps working: its own control plane with the
 * audit log, the operator's jar as a process with the JVM options of e2e/bench/jvm.options and its
 * class-data archive, one Pulp Ready, writes counted by the operator's identity, none at steady state and
 * no conflict.
 */
class BenchSmokeIT {

    @Test
    void benchmarkOfOnePulpMeasuresAndPrintsItsTable() throws Exception {
        Path root = RepositoryLayout.root();
        Path out = root.resolve("e2e/target/bench-smoke");
        Files.createDirectories(out);
        Files.deleteIfExists(out.resolve("smoke-n1.json"));
        Path output = Files.createTempFile("bench-smoke", ".log");
        Process bench = new ProcessBuilder(
                        root.resolve("e2e/bench/bench.sh").toString(),
                        "--smoke",
                        "--label",
                        "smoke",
                        "--out",
                        out.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean ended = bench.waitFor(170, TimeUnit.SECONDS);
        if (!ended) {
            bench.destroy();
            bench.waitFor(30, TimeUnit.SECONDS);
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println(printed);
        assertThat(ended).as("bench.sh ends within 170 s:\n%s", printed).isTrue();
        assertThat(bench.exitValue()).as(printed).isZero();
        assertThat(printed).contains("| smoke ", "Write requests until all Ready");

        JsonNode result =
                new ObjectMapper().readTree(out.resolve("smoke-n1.json").toFile());
        assertThat(result.path("ready").path("count").asInt()).isEqualTo(1);
        assertThat(result.path("first_deployment").path("max").asDouble()).isPositive();
        assertThat(result.path("available").path("count").asInt()).isEqualTo(1);
        JsonNode writes = result.path("writes");
        assertThat(writes.path("convergence").asInt())
                .as("writes of the operator's identity in the audit log")
                .isBetween(5, 60);
        assertThat(writes.path("steady").asInt()).as("writes at steady state").isZero();
        assertThat(writes.path("conflicts").path("convergence").asInt()).isZero();
        assertThat(result.path("peak_rss_mib").asDouble()).isPositive();
        assertThat(result.path("cpu").path("startup").asDouble()).isPositive();
        String operatorLog = Files.readString(out.resolve("smoke-n1/operator.log"));
        assertThat(operatorLog)
                .as("the JVM options of jvm.options are valid and the class-data archive is used")
                .doesNotContain(
                        "Unrecognized VM option", "shared archive", "Could not create the Java Virtual Machine");
    }
}
