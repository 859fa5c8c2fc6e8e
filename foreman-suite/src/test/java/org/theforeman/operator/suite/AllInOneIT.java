package org.theforeman.operator.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.api.v1alpha1.SmartProxy;
import org.theforeman.operator.api.v1alpha1.SuiteStatus;
import org.theforeman.operator.common.foreman.ForemanStandIn;
import org.theforeman.operator.common.status.Conditions;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.RepositoryLayout;
import org.theforeman.operator.e2e.harness.ServiceAccountKubeconfig;
import org.theforeman.operator.e2e.harness.TestNamespace;
import org.theforeman.operator.e2e.harness.WithControlPlane;

/**
 * The all-in-one process, started as users start it ({@code java -jar foreman-suite/target/foreman-suite.jar})
 * with the token of install/foreman-suite-all-in-one.yaml's ServiceAccount: it reconciles a Pulp and a
 * SmartProxy (registered with a local Foreman stand-in) to Ready, under one leader lease and one side port,
 * with each operator's own name as the status writer, and makes no writes at rest. Its /metrics then
 * exports every series that install/monitoring uses.
 */
@WithControlPlane
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AllInOneIT {
    private static final Pattern SIDE_PORT = Pattern.compile("side port (\\d+)");
    private static final HttpClient http = HttpClient.newHttpClient();

    private static ControlPlane plane;
    private static String namespace;
    private static ForemanStandIn foreman;
    private static Process process;
    private static Path log;
    private static Path kubeconfig;
    private static int port;

    @BeforeAll
    static void start(ControlPlane controlPlane, TestNamespace testNamespace) throws Exception {
        plane = controlPlane;
        namespace = testNamespace.name();
        plane.applyCrds(RepositoryLayout.root().resolve("install/crds"));
        plane.kubectl(
                "apply",
                "-n",
                namespace,
                "-f",
                RepositoryLayout.root()
                        .resolve("install/foreman-suite-all-in-one.yaml")
                        .toString());
        kubeconfig = ServiceAccountKubeconfig.write(plane, namespace, ForemanSuite.NAME);
        foreman = ForemanStandIn.http("all-in-one-key", "all-in-one-secret");
        Path jar = RepositoryLayout.root().resolve("foreman-suite/target/foreman-suite.jar");
        log = Files.createTempFile("foreman-suite-", ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx384m",
                        "-jar",
                        jar.toString())
                .redirectOutput(log.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().keySet().removeIf(k -> !k.equals("PATH") && !k.equals("JAVA_HOME"));
        builder.environment()
                .putAll(Map.of(
                        "KUBECONFIG",
                        kubeconfig.toString(),
                        "WATCH_NAMESPACES",
                        namespace,
                        "POD_NAMESPACE",
                        namespace,
                        "POD_NAME",
                        "foreman-suite-it",
                        "LEADER_ELECTION",
                        "true",
                        "HTTP_PORT",
                        "0"));
        long started = System.nanoTime();
        process = builder.start();
        port = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> {
                            assertThat(process.isAlive())
                                    .as("running:%n%s", output())
                                    .isTrue();
                            Matcher m = SIDE_PORT.matcher(output());
                            return m.find() && output().contains("foreman-suite started")
                                    ? Integer.parseInt(m.group(1))
                                    : -1;
                        },
                        p -> p > 0);
        System.out.printf("foreman-suite started in %.1f s, side port %d%n", (System.nanoTime() - started) / 1e9, port);
    }

    @AfterAll
    static void stop() throws Exception {
        if (process != null) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            process.destroyForcibly();
            System.out.println("--- foreman-suite log ---\n" + output());
        }
        if (foreman != null) {
            foreman.close();
        }
        if (kubeconfig != null) {
            Files.deleteIfExists(kubeconfig);
        }
    }

    @Test
    @Order(1)
    void reconcilesAPulpAndASmartProxyUnderOneLeaseAndOneSidePort() throws Exception {
        KubernetesClient admin = plane.admin();
        admin.resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("foreman-oauth")
                        .withNamespace(namespace)
                        .endMetadata()
                        .withStringData(Map.of(
                                "oauth_consumer_key", "all-in-one-key", "oauth_consumer_secret", "all-in-one-secret"))
                        .build())
                .create();
        long applied = System.nanoTime();
        Pulp pulp = Serialization.unmarshal(
                Files.readString(RepositoryLayout.root().resolve("samples/pulp-standalone.yaml")), Pulp.class);
        pulp.getMetadata().setNamespace(namespace);
        admin.resource(pulp).create();
        SmartProxy proxy = Serialization.unmarshal("""
                apiVersion: app.theforeman.org/v1alpha1
                kind: SmartProxy
                metadata: {name: proxy}
                spec:
                  foreman: {url: '%s', credentials_secret: foreman-oauth}
                  features: {logs: {}}
                """.formatted(foreman.url()), SmartProxy.class);
        proxy.getMetadata().setNamespace(namespace);
        admin.resource(proxy).create();

        awaitReady(Pulp.class, "pulp");
        awaitReady(SmartProxy.class, "proxy");
        System.out.printf(
                "all-in-one: Pulp and SmartProxy Ready %.1f s after apply%n", (System.nanoTime() - applied) / 1e9);
        assertThat(foreman.smartProxies()).hasSize(1);

        List<String> leases = admin.leases().inNamespace(namespace).list().getItems().stream()
                .map(Lease::getMetadata)
                .map(m -> m.getName())
                .toList();
        assertThat(leases).containsExactly("foreman-suite-leader");
        assertThat(output().lines().filter(l -> l.contains("side port"))).hasSize(1);
        assertThat(statusWriters(admin.resources(Pulp.class)
                        .inNamespace(namespace)
                        .withName("pulp")
                        .get()))
                .containsExactly("pulp-operator");
        assertThat(statusWriters(admin.resources(SmartProxy.class)
                        .inNamespace(namespace)
                        .withName("proxy")
                        .get()))
                .containsExactly("smart-proxy-operator");

        double before = writesWithoutLeases();
        Thread.sleep(15_000);
        double after = writesWithoutLeases();
        System.out.printf(
                "all-in-one at rest: %.0f writes in 15 s (%.0f before, leases excepted)%n", after - before, before);
        assertThat(after).isEqualTo(before);
    }

    /** The sum of foreman_operator_api_writes_total over every resource but leases. */
    private static double writesWithoutLeases() throws Exception {
        double sum = 0;
        for (String line : metrics().lines().toList()) {
            if (line.startsWith("foreman_operator_api_writes_total{") && !line.contains("resource=\"leases\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private static List<String> statusWriters(CustomResource<?, ?> resource) {
        List<String> writers = new ArrayList<>();
        for (ManagedFieldsEntry entry : resource.getMetadata().getManagedFields()) {
            if ("status".equals(entry.getSubresource())) {
                writers.add(entry.getManager());
            }
        }
        return writers;
    }

    private static <T extends CustomResource<?, ? extends SuiteStatus>> void awaitReady(Class<T> type, String name) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    T resource = plane.admin()
                            .resources(type)
                            .inNamespace(namespace)
                            .withName(name)
                            .get();
                    SuiteStatus status = resource.getStatus();
                    Condition ready = status == null
                            ? null
                            : Conditions.find(status.getConditions(), "Ready").orElse(null);
                    assertThat(ready)
                            .as("Ready of %s %s", type.getSimpleName(), name)
                            .isNotNull();
                    assertThat(ready.getStatus())
                            .as("Ready: %s", ready.getMessage())
                            .isEqualTo("True");
                });
    }

    static String metrics() throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    static String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "";
        }
    }

    @Test
    @Order(2)
    void aFailedReconcileIsCountedAndEveryMetricOfTheMonitoringFilesIsExported() throws Exception {
        KubernetesClient admin = plane.admin();
        // A validating webhook that nothing answers, on this namespace's Pulp statuses: the status write fails
        // and the reconcile with it, as JOSDK's failure counter should show.
        String webhook = "status-refused-" + namespace;
        admin.resource(new ValidatingWebhookConfigurationBuilder()
                        .withNewMetadata()
                        .withName(webhook)
                        .endMetadata()
                        .addNewWebhook()
                        .withName("refuse.status.foreman-suite.test")
                        .withNewClientConfig()
                        .withUrl("https://127.0.0.1:1/refuse")
                        .endClientConfig()
                        .addNewRule()
                        .withApiGroups("app.theforeman.org")
                        .withApiVersions("*")
                        .withResources("pulps/status")
                        .withOperations("UPDATE")
                        .endRule()
                        .withNewNamespaceSelector()
                        .addToMatchLabels("kubernetes.io/metadata.name", namespace)
                        .endNamespaceSelector()
                        .withFailurePolicy("Fail")
                        .withSideEffects("None")
                        .withAdmissionReviewVersions("v1")
                        .withTimeoutSeconds(2)
                        .endWebhook()
                        .build())
                .create();
        try {
            Pulp pulp = Serialization.unmarshal(
                    Files.readString(RepositoryLayout.root().resolve("samples/pulp-standalone.yaml")), Pulp.class);
            pulp.getMetadata().setName("refused");
            pulp.getMetadata().setNamespace(namespace);
            admin.resource(pulp).create();
            // The client retries a 500 for about 20 s before the reconcile fails; a failure that an event overtook
            // is retried without being counted, so the count comes with a later attempt.
            long refused = System.nanoTime();
            await().atMost(Duration.ofSeconds(180))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> metrics().contains("operator_sdk_reconciliations_failed_total{"));
            System.out.printf(
                    "refused status writes: first failed reconcile counted after %.1f s%n",
                    (System.nanoTime() - refused) / 1e9);
        } finally {
            admin.admissionRegistration()
                    .v1()
                    .validatingWebhookConfigurations()
                    .withName(webhook)
                    .delete();
        }
        awaitReady(Pulp.class, "refused");

        String exposition = metrics();
        Files.writeString(Path.of("target/all-in-one-metrics.txt"), exposition);
        Set<String> exported = exposition
                .lines()
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("[{ ]", 2)[0])
                .collect(Collectors.toSet());
        Map<String, Set<String>> used =
                MonitoringFiles.metricsUsed(RepositoryLayout.root().resolve("install/monitoring"));
        System.out.println("metrics used by install/monitoring: " + used);
        assertThat(used).containsOnlyKeys("prometheus-rules.yaml", "grafana-dashboard.json");
        for (var file : used.entrySet()) {
            assertThat(file.getValue()).isNotEmpty();
            Set<String> missing = new TreeSet<>(file.getValue());
            missing.removeAll(exported);
            missing.remove("up");
            assertThat(missing)
                    .as("metrics of %s not exported by the running operator", file.getKey())
                    .isEmpty();
        }
    }
}
