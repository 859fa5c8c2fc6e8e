package org.theforeman.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.theforeman.operator.pulp.PulpOperatorFixture;

/**
 * What the real-pulpcore tests share: the containers the Pulp operator wrote (migration Job,
 * Deployments), run on this machine by {@link PulpcoreScript} against one directory (its PostgreSQL,
 * Redis and processes), and pulp-cli.
 */
final class RealPulp {
    static final Duration STATUS_TIMEOUT = Duration.ofSeconds(180);
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final KubernetesClient admin;
    private final String namespace;
    private final PulpcoreScript pulpcore;
    private final Path dir;

    RealPulp(KubernetesClient admin, String namespace, PulpcoreScript pulpcore, Path dir) {
        this.admin = admin;
        this.namespace = namespace;
        this.pulpcore = pulpcore;
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** Installs pulpcore and the rest unless cached; prints how long it took and whether it was cached. */
    static void install(PulpcoreScript pulpcore, String bench) {
        long started = System.nanoTime();
        PulpcoreScript.Result install = pulpcore.install();
        // pulpcore.sh says "(first time only)" when it really installed.
        String kind = install.output().contains("first time only") ? "cold" : "warm (cached)";
        System.out.printf("BENCH %s: install %s %.1f s%n", bench, kind, seconds(started));
    }

    /** A directory under java.io.tmpdir that PostgreSQL's own user can enter (it runs as postgres). */
    static Path directoryPostgresCanReach(String prefix) throws IOException {
        Path created = Files.createTempDirectory(prefix);
        Files.setPosixFilePermissions(created, PosixFilePermissions.fromString("rwxr-xr-x"));
        return created;
    }

    /** Runs the migration Job's pod: its init containers, then its container, as the kubelet would. */
    PulpcoreScript.Result runMigration(PodSpec pod, String pulp, Path root) throws IOException {
        runInitContainers(pod, root, pulp + "-migrate");
        LocalContainer job = LocalContainer.prepare(
                admin, namespace, pod, pod.getContainers().get(0), root, pulp + "-migrate");
        return pulpcore.exec(dir, job.instance(), job.envFile(), job.command());
    }

    /** Init containers run to completion, in order, before the pod's containers; each must succeed. */
    void runInitContainers(PodSpec pod, Path root, String instance) throws IOException {
        for (Container init : pod.getInitContainers() == null ? List.<Container>of() : pod.getInitContainers()) {
            LocalContainer local = LocalContainer.prepare(admin, namespace, pod, init, root, instance);
            PulpcoreScript.Result result = pulpcore.exec(dir, local.instance(), local.envFile(), local.command());
            assertThat(result.ok())
                    .as("init container %s of %s:\n%s", init.getName(), instance, result.output())
                    .isTrue();
        }
    }

    /** The migration Jobs of a Pulp. */
    List<Job> migrationJobs(String pulp) {
        return admin.batch()
                .v1()
                .jobs()
                .inNamespace(namespace)
                .withLabel("app.kubernetes.io/instance", pulp)
                .list()
                .getItems();
    }

    /** The pod of the Pulp's only migration Job. */
    PodSpec migrationPod(String pulp) {
        List<Job> jobs = migrationJobs(pulp);
        assertThat(jobs).as("migration Jobs of %s", pulp).hasSize(1);
        PodSpec pod = jobs.get(0).getSpec().getTemplate().getSpec();
        assertThat(pod.getContainers()).hasSize(1);
        return pod;
    }

    PodSpec deploymentPod(String name) {
        PodSpec pod = admin.apps()
                .deployments()
                .inNamespace(namespace)
                .withName(name)
                .require()
                .getSpec()
                .getTemplate()
                .getSpec();
        assertThat(pod.getContainers()).hasSize(1);
        return pod;
    }

    /** Starts the container of Deployment PULP-COMPONENT, its bind address moved to 127.0.0.1:localPort. */
    void start(Path root, String pulp, String component, int localPort) throws IOException {
        PodSpec pod = deploymentPod(pulp + "-" + component);
        runInitContainers(pod, root, pulp + "-" + component);
        Container container = pod.getContainers().get(0);
        LocalContainer local = LocalContainer.prepare(admin, namespace, pod, container, root, pulp + "-" + component);
        List<String> command =
                container.getPorts() == null || container.getPorts().isEmpty()
                        ? local.command()
                        : local.commandBoundTo(container.getPorts().get(0).getContainerPort(), localPort);
        pulpcore.start(dir, local.instance(), local.envFile(), command);
    }

    /**
     * Polls the status API until it reports the database connected and at least one online worker and
     * content app; fails at once, with its log, when a started process has exited.
     */
    JsonNode awaitStatus(String statusUrl, List<String> instances) throws Exception {
        long deadline = System.nanoTime() + STATUS_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            for (String instance : instances) {
                assertThat(running(instance))
                        .as("%s is running; its log:\n%s", instance, logTail(instance))
                        .isTrue();
            }
            try {
                HttpResponse<String> response = get(statusUrl, null, null);
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200) {
                    JsonNode status = JSON.readTree(response.body());
                    if (status.at("/database_connection/connected").asBoolean()
                            && status.path("online_workers").size() >= 1
                            && status.path("online_content_apps").size() >= 1) {
                        return status;
                    }
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        StringBuilder logs = new StringBuilder();
        instances.forEach(i -> logs.append("\n--- ").append(i).append(":\n").append(logTail(i)));
        throw new AssertionError("status API not OK within " + STATUS_TIMEOUT + "; last answer: " + last + logs);
    }

    boolean running(String instance) {
        OptionalLong pid = PulpcoreScript.pid(dir, instance);
        return pid.isPresent()
                && ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false);
    }

    String logTail(String instance) {
        try {
            List<String> lines = Files.readAllLines(PulpcoreScript.log(dir, instance));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** A pulp-cli configuration for the admin at {@code baseUrl}, in {@code cli}. */
    static Path cliConfig(Path cli, String baseUrl, String password) throws IOException {
        Files.createDirectories(cli);
        Path config = cli.resolve("cli.toml");
        Files.writeString(
                config, """
        [cli]
        base_url = "%s"
        api_root = "/pulp/"
        username = "admin"
        password = "%s"
        verify_ssl = false
        format = "json"
        """.formatted(baseUrl, password.replace("\\", "\\\\").replace("\"", "\\\"")));
        return config;
    }

    /** Runs pulp-cli with the given config; its stdout as JSON (empty object when it printed nothing). */
    JsonNode pulpCli(Path config, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(List.of(pulpcore.venv().resolve("bin/pulp").toString(), "--config", config.toString()));
        command.addAll(List.of(args));
        Path out = config.resolveSibling("out.json");
        Path err = config.resolveSibling("err.txt");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        // pulp-cli caches the API schema under XDG_CACHE_HOME: keep it with the test's files.
        builder.environment()
                .put("XDG_CACHE_HOME", config.resolveSibling("cache").toString());
        Process process = builder.start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES))
                .as("pulp %s ends", String.join(" ", args))
                .isTrue();
        String stdout = Files.readString(out);
        assertThat(process.exitValue())
                .as("pulp %s:\n%s%s", String.join(" ", args), stdout, Files.readString(err))
                .isZero();
        return stdout.isBlank() ? JSON.createObjectNode() : JSON.readTree(stdout);
    }

    void createSecret(String name, Map<String, String> values) {
        admin.secrets()
                .inNamespace(namespace)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .withStringData(values)
                        .build())
                .create();
    }

    String secretValue(String secret, String key) {
        String encoded = admin.secrets()
                .inNamespace(namespace)
                .withName(secret)
                .require()
                .getData()
                .get(key);
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    static HttpResponse<String> get(String url, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Distinct free loopback ports (all sockets held until all are chosen). */
    static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /**
     * Ends a real-pulpcore test class: the operator, then every process started for {@code dir}; the
     * directory goes unless a test failed (its logs are kept for a look).
     */
    static void tearDown(
            String testClass,
            PulpOperatorFixture fixture,
            PulpcoreScript pulpcore,
            Path dir,
            Thread stopOnExit,
            boolean failed)
            throws IOException {
        if (fixture != null) {
            fixture.close();
        }
        if (dir == null) {
            return;
        }
        PulpcoreScript.Result stop = pulpcore.stop(dir);
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        assertThat(stop.exitCode()).as("pulpcore.sh stop:\n%s", stop.output()).isZero();
        if (failed) {
            System.out.println(testClass + ": logs kept in " + dir.resolve("logs"));
        } else {
            deleteRecursively(dir);
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
