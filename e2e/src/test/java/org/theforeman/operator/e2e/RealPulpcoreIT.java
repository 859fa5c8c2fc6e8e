package org.theforeman.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
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
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.TestNamespace;
import org.theforeman.operator.e2e.harness.WithControlPlane;
import org.theforeman.operator.pulp.PulpOperatorFixture;
import org.theforeman.operator.pulp.PulpSettings;

/**
 * The Pulp operator's generated configuration run for real: pods never run on the test control plane
 * (fake nodes), so the test reads back what the operator wrote (settings ConfigMap, Secrets, the
 * migration Job's and the Deployments' containers) and runs those containers' commands on this
 * machine against a real pulpcore, PostgreSQL and Redis (e2e/pulpcore/pulpcore.sh), changing only
 * what a container runtime provides: mounts (see {@link LocalContainer}) and bind addresses.
 */
@WithControlPlane
class RealPulpcoreIT {
    private static final String CONTENT_PREFIX = "/pulp/custom-content/";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(180);
    private static final List<String> DATABASE_KEYS = List.of(
            "POSTGRES_HOST",
            "POSTGRES_PORT",
            "POSTGRES_USERNAME",
            "POSTGRES_PASSWORD",
            "POSTGRES_DB_NAME",
            "POSTGRES_SSLMODE");
    private static final ObjectMapper json = new ObjectMapper();
    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final PulpcoreScript pulpcore = new PulpcoreScript();

    private static Path dir;
    private static Map<String, String> db;
    private static Thread stopOnExit;
    private static PulpOperatorFixture fixture;
    private static KubernetesClient admin;
    private static String namespace;
    private static boolean failed;

    /** Keeps the directory with the logs when a test fails. */
    @RegisterExtension
    static final TestWatcher failures = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            failed = true;
        }
    };

    @BeforeAll
    static void setUp(ControlPlane plane, TestNamespace testNamespace) throws Exception {
        installPulpcore();
        dir = directoryPostgresCanReach();
        // Also stops what a test started if the JVM ends before @AfterAll.
        stopOnExit = new Thread(() -> pulpcore.stop(dir));
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        db = pulpcore.startDb(dir);
        namespace = testNamespace.name();
        admin = plane.admin();
        fixture = PulpOperatorFixture.start(plane, namespace, "real-pulpcore-it");
    }

    @AfterAll
    static void tearDown() throws IOException {
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
            System.out.println("RealPulpcoreIT: logs kept in " + dir.resolve("logs"));
        } else {
            deleteRecursively(dir);
        }
    }

    @Test
    void theGeneratedConfigurationRunsARealPulpcore() throws Exception {
        long testStarted = System.nanoTime();
        int[] ports = freePorts(2);
        int apiPort = ports[0];
        int contentPort = ports[1];
        String contentOrigin = "http://127.0.0.1:" + contentPort;
        createSecret("real-db", databaseKeys(db));
        createSecret("real-redis", Map.of("REDIS_HOST", db.get("REDIS_HOST"), "REDIS_PORT", db.get("REDIS_PORT")));
        admin.configMaps()
                .inNamespace(namespace)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("real-custom")
                        .endMetadata()
                        // ANALYTICS off: a test must not post to analytics.pulpproject.org (pulpcore's default is on).
                        .withData(Map.of("CONTENT_PATH_PREFIX", '"' + CONTENT_PREFIX + '"', "ANALYTICS", "False"))
                        .build())
                .create();
        createPulp("""
        apiVersion: app.theforeman.org/v1alpha1
        kind: Pulp
        metadata: {name: real}
        spec:
          database: {external_db_secret: real-db}
          cache: {external_cache_secret: real-redis}
          custom_pulp_settings: real-custom
          content_origin: %s
        """.formatted(contentOrigin));
        awaitReady("real");
        String settings = admin.configMaps()
                .inNamespace(namespace)
                .withName("real-settings")
                .require()
                .getData()
                .get(PulpSettings.FILE);
        assertThat(settings)
                .contains("CONTENT_PATH_PREFIX = \"" + CONTENT_PREFIX + "\"")
                .contains("ANALYTICS = False");

        Path root = dir.resolve("real");
        long migrating = System.nanoTime();
        PulpcoreScript.Result migration = runMigration(migrationPod("real"), "real", root);
        assertThat(migration.exitCode())
                .as("the migration Job's command:\n%s", migration.output())
                .isZero();
        System.out.printf(
                "BENCH real pulpcore: migration Job's command (migrate, reset-admin-password) %.1f s%n",
                seconds(migrating));

        long started = System.nanoTime();
        start(root, "real", "api", apiPort);
        start(root, "real", "content", contentPort);
        start(root, "real", "worker", 0);
        JsonNode status = awaitStatus(apiPort, List.of("real-api", "real-content", "real-worker"));
        double toStatus = seconds(started);
        String version = coreVersion(status);
        System.out.printf(
                "BENCH real pulpcore: status OK %.1f s after starting api, content and worker (pulpcore %s)%n",
                toStatus, version);

        assertThat(status.at("/database_connection/connected").asBoolean())
                .as("database connected: %s", status)
                .isTrue();
        assertThat(status.at("/redis_connection/connected").asBoolean())
                .as("redis connected: %s", status)
                .isTrue();
        assertThat(status.at("/content_settings/content_origin").asText()).isEqualTo(contentOrigin);
        assertThat(status.at("/content_settings/content_path_prefix").asText())
                .as("the custom setting is in effect")
                .isEqualTo(CONTENT_PREFIX);

        String password = secretValue("real-admin-password", "password");
        String users = "http://127.0.0.1:" + apiPort + "/pulp/api/v3/users/";
        assertThat(get(users, "admin", password).statusCode())
                .as("the admin password of the operator's Secret")
                .isEqualTo(200);
        assertThat(get(users, "admin", password + "-wrong").statusCode()).isEqualTo(401);
        assertThat(get(contentOrigin + CONTENT_PREFIX, null, null).statusCode())
                .as("the content app's listing")
                .isEqualTo(200);
        reportProbes("real", apiPort, contentPort);

        contentRoundTrip(root, apiPort, password, contentOrigin);
        System.out.printf(
                "BENCH real pulpcore: whole test %.1f s (Pulp created to round trip done)%n", seconds(testStarted));
    }

    @Test
    void aWrongDatabasePortFailsTheGeneratedMigrationWithPulpcoresOwnError() throws Exception {
        int closedPort = freePorts(1)[0];
        Map<String, String> wrong = new LinkedHashMap<>(databaseKeys(db));
        wrong.put("POSTGRES_PORT", Integer.toString(closedPort));
        createSecret("broken-db", wrong);
        createPulp("""
        apiVersion: app.theforeman.org/v1alpha1
        kind: Pulp
        metadata: {name: broken}
        spec:
          database: {external_db_secret: broken-db}
        """);
        awaitReady("broken");

        PulpcoreScript.Result migration = runMigration(migrationPod("broken"), "broken", dir.resolve("broken"));
        assertThat(migration.exitCode())
                .as("the migration must fail:\n%s", migration.output())
                .isNotZero();
        assertThat(migration.output())
                .as("pulpcore's own error")
                .contains("OperationalError")
                .containsIgnoringCase("connection refused")
                .contains("port " + closedPort);
        System.out.println("RealPulpcoreIT: the migration against port " + closedPort + " failed as it must: "
                + migration
                        .output()
                        .lines()
                        .filter(l -> l.contains("OperationalError"))
                        .reduce((a, b) -> b)
                        .orElse(""));
    }

    // --- pulpcore ----------------------------------------------------------------------------------

    private static void installPulpcore() {
        long started = System.nanoTime();
        PulpcoreScript.Result install = pulpcore.install();
        // pulpcore.sh says "(first time only)" when it really installed pulpcore.
        String kind = install.output().contains("first time only") ? "cold" : "warm (cached)";
        System.out.printf("BENCH real pulpcore: install %s %.1f s%n", kind, seconds(started));
    }

    /** A directory under java.io.tmpdir that PostgreSQL's own user can enter (it runs as postgres). */
    private static Path directoryPostgresCanReach() throws IOException {
        Path created = Files.createTempDirectory("real-pulpcore-");
        Files.setPosixFilePermissions(created, PosixFilePermissions.fromString("rwxr-xr-x"));
        return created;
    }

    /** Runs the migration Job's pod: its init containers, then its container, as the kubelet would. */
    private static PulpcoreScript.Result runMigration(PodSpec pod, String pulp, Path root) throws IOException {
        runInitContainers(pod, root, pulp + "-migrate");
        LocalContainer job = LocalContainer.prepare(
                admin, namespace, pod, pod.getContainers().get(0), root, pulp + "-migrate");
        return pulpcore.exec(dir, job.instance(), job.envFile(), job.command());
    }

    /** Init containers run to completion, in order, before the pod's containers; each must succeed. */
    private static void runInitContainers(PodSpec pod, Path root, String instance) throws IOException {
        for (Container init : pod.getInitContainers() == null ? List.<Container>of() : pod.getInitContainers()) {
            LocalContainer local = LocalContainer.prepare(admin, namespace, pod, init, root, instance);
            PulpcoreScript.Result result = pulpcore.exec(dir, local.instance(), local.envFile(), local.command());
            assertThat(result.ok())
                    .as("init container %s of %s:\n%s", init.getName(), instance, result.output())
                    .isTrue();
        }
    }

    private static PodSpec migrationPod(String pulp) {
        List<Job> jobs = admin.batch()
                .v1()
                .jobs()
                .inNamespace(namespace)
                .withLabel("app.kubernetes.io/instance", pulp)
                .list()
                .getItems();
        assertThat(jobs).as("migration Jobs of %s", pulp).hasSize(1);
        PodSpec pod = jobs.get(0).getSpec().getTemplate().getSpec();
        assertThat(pod.getContainers()).hasSize(1);
        return pod;
    }

    /** Starts the container of Deployment PULP-COMPONENT, its bind address moved to 127.0.0.1:localPort. */
    private static void start(Path root, String pulp, String component, int localPort) throws IOException {
        PodSpec pod = admin.apps()
                .deployments()
                .inNamespace(namespace)
                .withName(pulp + "-" + component)
                .require()
                .getSpec()
                .getTemplate()
                .getSpec();
        assertThat(pod.getContainers()).hasSize(1);
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
    private static JsonNode awaitStatus(int apiPort, List<String> instances) throws Exception {
        long deadline = System.nanoTime() + STATUS_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            for (String instance : instances) {
                OptionalLong pid = PulpcoreScript.pid(dir, instance);
                boolean alive = pid.isPresent()
                        && ProcessHandle.of(pid.getAsLong())
                                .map(ProcessHandle::isAlive)
                                .orElse(false);
                assertThat(alive)
                        .as("%s is running; its log:\n%s", instance, logTail(instance))
                        .isTrue();
            }
            try {
                HttpResponse<String> response = get("http://127.0.0.1:" + apiPort + "/pulp/api/v3/status/", null, null);
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == 200) {
                    JsonNode status = json.readTree(response.body());
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

    private static String coreVersion(JsonNode status) {
        for (JsonNode version : status.path("versions")) {
            if (version.path("component").asText().equals("core")) {
                return version.path("version").asText();
            }
        }
        return "unknown";
    }

    /**
     * What the Deployments' HTTP probes would see from the real processes. Printed, not asserted: they
     * are Kubernetes' business, and the content probe's path is fixed while CONTENT_PATH_PREFIX is not.
     */
    private static void reportProbes(String pulp, int apiPort, int contentPort) throws Exception {
        for (String component : List.of("api", "content")) {
            int port = component.equals("api") ? apiPort : contentPort;
            Container container = admin.apps()
                    .deployments()
                    .inNamespace(namespace)
                    .withName(pulp + "-" + component)
                    .require()
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0);
            reportProbe(component, "readiness", container.getReadinessProbe(), port);
            reportProbe(component, "liveness", container.getLivenessProbe(), port);
        }
    }

    private static void reportProbe(String component, String kind, Probe probe, int port) throws Exception {
        if (probe == null || probe.getHttpGet() == null) {
            return;
        }
        String path = probe.getHttpGet().getPath();
        int code = get("http://127.0.0.1:" + port + path, null, null).statusCode();
        System.out.printf(
                "PROBE %s %s GET %s -> %d%s%n",
                component, kind, path, code, code >= 200 && code < 400 ? "" : " (would FAIL in a cluster)");
    }

    /**
     * pulp-cli: a file repository, an upload, a publication and a distribution; the file comes back
     * through CONTENT_ORIGIN.
     */
    private static void contentRoundTrip(Path root, int apiPort, String password, String contentOrigin)
            throws Exception {
        Path cli = root.resolve("cli");
        Files.createDirectories(cli);
        Path config = cli.resolve("cli.toml");
        Files.writeString(
                config, """
        [cli]
        base_url = "http://127.0.0.1:%d"
        api_root = "/pulp/"
        username = "admin"
        password = "%s"
        verify_ssl = false
        format = "json"
        """.formatted(apiPort, password.replace("\\", "\\\\").replace("\"", "\\\"")));
        byte[] bytes = new byte[256 * 1024];
        new SecureRandom().nextBytes(bytes);
        Path file = cli.resolve("upload.bin");
        Files.write(file, bytes);

        long started = System.nanoTime();
        assertThat(pulpCli(config, "status")
                        .at("/database_connection/connected")
                        .asBoolean())
                .isTrue();
        pulpCli(config, "file", "repository", "create", "--name", "round-trip");
        pulpCli(
                config,
                "file",
                "content",
                "upload",
                "--repository",
                "round-trip",
                "--file",
                file.toString(),
                "--relative-path",
                "nested/upload.bin");
        String publication = pulpCli(config, "file", "publication", "create", "--repository", "round-trip")
                .path("pulp_href")
                .asText();
        JsonNode distribution = pulpCli(
                config,
                "file",
                "distribution",
                "create",
                "--name",
                "round-trip",
                "--base-path",
                "e2e/round-trip",
                "--publication",
                publication);
        String baseUrl = distribution.path("base_url").asText();
        assertThat(baseUrl).as("distribution base_url").isEqualTo(contentOrigin + CONTENT_PREFIX + "e2e/round-trip/");

        HttpResponse<byte[]> download = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "nested/upload.bin"))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode())
                .as("download of %snested/upload.bin", baseUrl)
                .isEqualTo(200);
        assertThat(download.body()).as("downloaded bytes").isEqualTo(bytes);
        System.out.printf(
                "BENCH real pulpcore: content round trip (pulp-cli: repository, upload, publish, "
                        + "distribute; download) %.1f s%n",
                seconds(started));
    }

    /** Runs pulp-cli with the given config; its stdout as JSON (empty object when it printed nothing). */
    private static JsonNode pulpCli(Path config, String... args) throws Exception {
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
        assertThat(process.waitFor(5, TimeUnit.MINUTES))
                .as("pulp %s ends", String.join(" ", args))
                .isTrue();
        String stdout = Files.readString(out);
        assertThat(process.exitValue())
                .as("pulp %s:\n%s%s", String.join(" ", args), stdout, Files.readString(err))
                .isZero();
        return stdout.isBlank() ? json.createObjectNode() : json.readTree(stdout);
    }

    // --- Kubernetes --------------------------------------------------------------------------------

    private static void createSecret(String name, Map<String, String> values) {
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

    private static void createPulp(String yaml) {
        fixture.create(yaml);
    }

    /** Ready on the fake nodes: the operator wrote everything and the Job "completed". */
    private static void awaitReady(String name) {
        fixture.awaitReady(name, READY_TIMEOUT);
    }

    private static String secretValue(String secret, String key) {
        String encoded = admin.secrets()
                .inNamespace(namespace)
                .withName(secret)
                .require()
                .getData()
                .get(key);
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    private static Map<String, String> databaseKeys(Map<String, String> dbEnv) {
        Map<String, String> keys = new LinkedHashMap<>();
        DATABASE_KEYS.forEach(k -> keys.put(k, dbEnv.get(k)));
        return keys;
    }

    // --- small helpers -----------------------------------------------------------------------------

    private static HttpResponse<String> get(String url, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (user != null) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Distinct free loopback ports (all sockets held until all are chosen). */
    private static int[] freePorts(int count) throws IOException {
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

    private static String logTail(String instance) {
        try {
            List<String> lines = Files.readAllLines(PulpcoreScript.log(dir, instance));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
