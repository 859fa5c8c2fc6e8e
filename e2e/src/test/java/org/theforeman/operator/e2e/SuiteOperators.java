package org.theforeman.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.InstallBundle;

/**
 * The suite's three operators as processes from their jars, each as the ServiceAccount of its install
 * bundle (its Role and RoleBinding created in the watched namespace, a kubeconfig with that account's
 * token), watching one namespace and reaching in-cluster endpoints through port-forwards
 * (CLUSTER_ENDPOINTS=port-forward), as a local run of the README does.
 */
final class SuiteOperators implements AutoCloseable {
    static final String[] MODULES = {"foreman-operator", "pulp-operator", "smart-proxy-operator"};
    private static final Pattern WRITES = Pattern.compile("foreman_operator_api_writes_total\\{([^}]*)\\} ([0-9.E]+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Map<String, OperatorProcess> processes = new LinkedHashMap<>();
    private final Path directory;

    private SuiteOperators(Path directory) {
        this.directory = directory;
    }

    static SuiteOperators start(ControlPlane plane, String namespace) throws IOException {
        SuiteOperators operators = new SuiteOperators(Files.createTempDirectory("suite-operators"));
        for (String module : MODULES) {
            InstallBundle.applyAccess(plane.admin(), "install/" + module + ".yaml", namespace);
            Path kubeconfig = operators.directory.resolve(module + ".kubeconfig");
            Files.writeString(kubeconfig, kubeconfig(plane.configFor(namespace, module)));
            Map<String, String> env = new LinkedHashMap<>();
            env.put("KUBECONFIG", kubeconfig.toString());
            env.put("WATCH_NAMESPACES", namespace);
            env.put("HTTP_PORT", "0");
            env.put("LEADER_ELECTION", "false");
            env.put("CLUSTER_ENDPOINTS", "port-forward");
            OperatorProcess process = OperatorProcess.start(module, env);
            operators.processes.put(module, process);
            // One at a time: three JVMs starting together on a small machine time out their first requests.
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        assertThat(process.alive()).as(process.output()).isTrue();
                        return process.output().contains(module + " started");
                    });
        }
        return operators;
    }

    /** A kubeconfig for a ServiceAccount's client configuration (server, CA, token). */
    static String kubeconfig(Config config) throws IOException {
        String ca = config.getCaCertData() != null
                ? config.getCaCertData()
                : Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(config.getCaCertFile())));
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: e2e
                  cluster: {server: "%s", certificate-authority-data: "%s"}
                users:
                - name: account
                  user: {token: "%s"}
                contexts:
                - name: account
                  context: {cluster: e2e, user: account, namespace: "%s"}
                current-context: account
                """.formatted(config.getMasterUrl(), ca, config.getOauthToken(), config.getNamespace());
    }

    OperatorProcess get(String module) {
        return processes.get(module);
    }

    /** Writes other than lease renewals, by operator, from each one's /metrics. */
    Map<String, Double> writes() throws Exception {
        Map<String, Double> writes = new LinkedHashMap<>();
        for (var entry : processes.entrySet()) {
            double count = 0;
            Matcher matcher = WRITES.matcher(metrics(entry.getValue()));
            while (matcher.find()) {
                if (!matcher.group(1).contains("resource=\"leases\"")) {
                    count += Double.parseDouble(matcher.group(2));
                }
            }
            writes.put(entry.getKey(), count);
        }
        return writes;
    }

    /** The lines of a log that are WARN or ERROR, for a failure message. */
    String logs() throws IOException {
        StringBuilder out = new StringBuilder();
        for (var entry : processes.entrySet()) {
            out.append("----- ").append(entry.getKey()).append('\n');
            String log = entry.getValue().output();
            out.append(log, Math.max(0, log.length() - 6000), log.length()).append('\n');
        }
        return out.toString();
    }

    private static String metrics(OperatorProcess operator) throws Exception {
        int port = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> {
                            assertThat(operator.alive()).as(operator.output()).isTrue();
                            return operator.sidePort();
                        },
                        OptionalInt::isPresent)
                .getAsInt();
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .body();
    }

    @Override
    public void close() throws IOException {
        for (OperatorProcess process : processes.values()) {
            try {
                process.terminate(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.close();
        }
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(directory);
    }
}
