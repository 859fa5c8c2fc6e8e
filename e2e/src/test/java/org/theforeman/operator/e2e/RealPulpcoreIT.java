package org.theforeman.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private static final List<String> DATABASE_KEYS = List.of(
            "POSTGRES_HOST",
            "POSTGRES_PORT",
            "POSTGRES_USERNAME",
            "POSTGRES_PASSWORD",
            "POSTGRES_DB_NAME",
            "POSTGRES_SSLMODE");
    private static final PulpcoreScript pulpcore = new PulpcoreScript();

    private static Path dir;
    private static Map<String, String> db;
    private static Thread stopOnExit;
    private static PulpOperatorFixture fixture;
    private static KubernetesClient admin;
    private static String namespace;
    private static boolean failed;
    private static RealPulp real;

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
        RealPulp.install(pulpcore, "real pulpcore");
        dir = RealPulp.directoryPostgresCanReach("real-pulpcore-");
        // Also stops what a test started if the JVM ends before @AfterAll.
        stopOnExit = new Thread(() -> pulpcore.stop(dir));
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        db = pulpcore.startDb(dir);
        namespace = testNamespace.name();
        admin = plane.admin();
        real = new RealPulp(admin, namespace, pulpcore, dir);
        fixture = PulpOperatorFixture.start(plane, namespace, "real-pulpcore-it");
    }

    @AfterAll
    static void tearDown() throws IOException {
        RealPulp.tearDown("RealPulpcoreIT", fixture, pulpcore, dir, stopOnExit, failed);
    }

    @Test
    void theGeneratedConfigurationRunsARealPulpcore() throws Exception {
        long testStarted = System.nanoTime();
        int[] ports = RealPulp.freePorts(2);
        int apiPort = ports[0];
        int contentPort = ports[1];
        String contentOrigin = "http://127.0.0.1:" + contentPort;
        real.createSecret("real-db", databaseKeys(db));
        real.createSecret("real-redis", Map.of("REDIS_HOST", db.get("REDIS_HOST"), "REDIS_PORT", db.get("REDIS_PORT")));
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
        PulpcoreScript.Result migration = real.runMigration(real.migrationPod("real"), "real", root);
        assertThat(migration.exitCode())
                .as("the migration Job's command:\n%s", migration.output())
                .isZero();
        System.out.printf(
                "BENCH real pulpcore: migration Job's command (migrate, reset-admin-password) %.1f s%n",
                RealPulp.seconds(migrating));

        long started = System.nanoTime();
        real.start(root, "real", "api", apiPort);
        real.start(root, "real", "content", contentPort);
        real.start(root, "real", "worker", 0);
        JsonNode status = real.awaitStatus(
                "http://127.0.0.1:" + apiPort + "/pulp/api/v3/status/",
                List.of("real-api", "real-content", "real-worker"));
        double toStatus = RealPulp.seconds(started);
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

        String password = real.secretValue("real-admin-password", "password");
        String users = "http://127.0.0.1:" + apiPort + "/pulp/api/v3/users/";
        assertThat(RealPulp.get(users, "admin", password).statusCode())
                .as("the admin password of the operator's Secret")
                .isEqualTo(200);
        assertThat(RealPulp.get(users, "admin", password + "-wrong").statusCode())
                .isEqualTo(401);
        assertThat(RealPulp.get(contentOrigin + CONTENT_PREFIX, null, null).statusCode())
                .as("the content app's listing")
                .isEqualTo(200);
        reportProbes("real", apiPort, contentPort);

        contentRoundTrip(root, apiPort, password, contentOrigin);
        System.out.printf(
                "BENCH real pulpcore: whole test %.1f s (Pulp created to round trip done)%n",
                RealPulp.seconds(testStarted));
    }

    @Test
    void aWrongDatabasePortFailsTheGeneratedMigrationWithPulpcoresOwnError() throws Exception {
        int closedPort = RealPulp.freePorts(1)[0];
        Map<String, String> wrong = new LinkedHashMap<>(databaseKeys(db));
        wrong.put("POSTGRES_PORT", Integer.toString(closedPort));
        real.createSecret("broken-db", wrong);
        createPulp("""
        apiVersion: app.theforeman.org/v1alpha1
        kind: Pulp
        metadata: {name: broken}
        spec:
          database: {external_db_secret: broken-db}
        """);
        awaitReady("broken");

        PulpcoreScript.Result migration =
                real.runMigration(real.migrationPod("broken"), "broken", dir.resolve("broken"));
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
        int code = RealPulp.get("http://127.0.0.1:" + port + path, null, null).statusCode();
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
        Path config = RealPulp.cliConfig(cli, "http://127.0.0.1:" + apiPort, password);
        byte[] bytes = new byte[256 * 1024];
        new SecureRandom().nextBytes(bytes);
        Path file = cli.resolve("upload.bin");
        Files.write(file, bytes);

        long started = System.nanoTime();
        assertThat(real.pulpCli(config, "status")
                        .at("/database_connection/connected")
                        .asBoolean())
                .isTrue();
        real.pulpCli(config, "file", "repository", "create", "--name", "round-trip");
        real.pulpCli(
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
        String publication = real.pulpCli(config, "file", "publication", "create", "--repository", "round-trip")
                .path("pulp_href")
                .asText();
        JsonNode distribution = real.pulpCli(
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

        HttpResponse<byte[]> download = RealPulp.HTTP.send(
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
                RealPulp.seconds(started));
    }

    // --- Kubernetes --------------------------------------------------------------------------------

    private static void createPulp(String yaml) {
        fixture.create(yaml);
    }

    /** Ready on the fake nodes: the operator wrote everything and the Job "completed". */
    private static void awaitReady(String name) {
        fixture.awaitReady(name, READY_TIMEOUT);
    }

    private static Map<String, String> databaseKeys(Map<String, String> dbEnv) {
        Map<String, String> keys = new LinkedHashMap<>();
        DATABASE_KEYS.forEach(k -> keys.put(k, dbEnv.get(k)));
        return keys;
    }

    // --- small helpers -----------------------------------------------------------------------------

}
