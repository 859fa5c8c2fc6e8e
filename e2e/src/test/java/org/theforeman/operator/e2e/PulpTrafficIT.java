package org.theforeman.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.resources.ConfigHash;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.TestNamespace;
import org.theforeman.operator.e2e.harness.WithControlPlane;
import org.theforeman.operator.pulp.PulpInputsResolver;
import org.theforeman.operator.pulp.PulpOperatorFixture;

/**
 * Real traffic through what the Pulp operator generates: its nginx configuration run by Debian's nginx
 * as the web pod runs it (the pod's uid, a private /tmp, loopback only) in front of a real pulpcore run
 * from the generated containers ({@link RealPulp}), driven by pulp-cli and curl as a client behind the
 * Ingress would be; then the same Pulp moved to S3 (moto) and to Azure Blob (Azurite), each migration
 * Job the operator creates for the change run for real. Only what a cluster provides is replaced: the
 * Services' names by loopback ports, DNS of the Ingress host by curl's --connect-to.
 */
@WithControlPlane
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PulpTrafficIT {
    private static final String PULP = "traffic";
    private static final String HOST = "pulp.traffic.test";
    private static final long MIB = 1024 * 1024;
    /** The upload the issue measured: pulp-cli's default options send it in one request. */
    private static final long UPLOAD_BYTES = Long.getLong("trafficUploadMiB", 200) * MIB;

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final List<String> PROCESSES = List.of("api", "content", "worker", "web");
    private static final PulpcoreScript pulpcore = new PulpcoreScript();

    private static Path dir;
    private static Path root;
    private static Thread stopOnExit;
    private static PulpOperatorFixture fixture;
    private static KubernetesClient admin;
    private static String namespace;
    private static RealPulp real;
    private static boolean failed;
    private static int webPort;
    private static Path cliConfig;
    private static long testStarted;

    @RegisterExtension
    static final TestWatcher failures = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            failed = true;
        }
    };

    @BeforeAll
    static void setUp(ControlPlane plane, TestNamespace testNamespace) throws Exception {
        RealPulp.install(pulpcore, "pulp traffic");
        dir = RealPulp.directoryPostgresCanReach("pulp-traffic-");
        root = dir.resolve(PULP);
        stopOnExit = new Thread(() -> pulpcore.stop(dir));
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        Map<String, String> db = pulpcore.startDb(dir);
        namespace = testNamespace.name();
        admin = plane.admin();
        real = new RealPulp(admin, namespace, pulpcore, dir);
        fixture = PulpOperatorFixture.start(plane, namespace, "pulp-traffic-it");
        Map<String, String> database = new LinkedHashMap<>();
        PulpInputsResolver.DATABASE_KEYS.forEach(k -> database.put(k, db.get(k)));
        database.put("POSTGRES_SSLMODE", db.get("POSTGRES_SSLMODE"));
        real.createSecret("traffic-db", database);
        real.createSecret(
                "traffic-redis", Map.of("REDIS_HOST", db.get("REDIS_HOST"), "REDIS_PORT", db.get("REDIS_PORT")));
        admin.configMaps()
                .inNamespace(namespace)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("traffic-custom")
                        .endMetadata()
                        // A test must not post to analytics.pulpproject.org (pulpcore's default is on).
                        .withData(Map.of("ANALYTICS", "False"))
                        .build())
                .create();
    }

    @AfterAll
    static void tearDown() throws IOException {
        RealPulp.tearDown("PulpTrafficIT", fixture, pulpcore, dir, stopOnExit, failed);
    }

    /** Each test starts the processes anew (settings change in between); a failed one must not leave them. */
    @AfterEach
    void stopPulpProcesses() {
        if (dir != null) {
            pulpcore.stop(dir, instances());
        }
    }

    @Test
    @Order(1)
    void theGeneratedWebProxyCarriesRealTraffic() throws Exception {
        testStarted = System.nanoTime();
        fixture.create("""
        apiVersion: app.theforeman.org/v1alpha1
        kind: Pulp
        metadata: {name: %s}
        spec:
          database: {external_db_secret: traffic-db}
          cache: {external_cache_secret: traffic-redis}
          custom_pulp_settings: traffic-custom
          web: {}
          ingress_type: ingress
          ingress_host: %s
        """.formatted(PULP, HOST));
        fixture.awaitReady(PULP, READY_TIMEOUT);
        assertThat(fixture.pulp(PULP).get().getStatus().getContentOrigin())
                .as("CONTENT_ORIGIN: the address clients use")
                .isEqualTo("http://" + HOST);
        migrate(null);
        startPulp();

        // Every route of the API answers through the proxy as it does directly (pulpcore itself has no
        // page at /: its own 404 comes back, not nginx's).
        for (String path : List.of("/", "/auth/login/", "/pulp/api/v3/")) {
            var direct = RealPulp.get("http://127.0.0.1:" + apiPort + path, null, null);
            var proxied = RealPulp.get(web(path), null, null);
            assertThat(proxied.statusCode())
                    .as("%s through the proxy (directly: %d)", path, direct.statusCode())
                    .isEqualTo(direct.statusCode());
            if (path.equals("/")) {
                assertThat(proxied.body()).as(path).isEqualTo(direct.body());
            } else {
                assertThat(proxied.statusCode()).as(path).isEqualTo(200);
            }
        }

        String password = real.secretValue(PULP + "-admin-password", "password");
        assertThat(real.pulpCli(cliConfig, "status")
                        .at("/database_connection/connected")
                        .asBoolean())
                .isTrue();

        Path big = root.resolve("cli/big.bin");
        String sha256 = writeRandom(big, UPLOAD_BYTES);
        long uploading = System.nanoTime();
        String baseUrl = publish("big", big, "big.bin");
        double uploadSeconds = RealPulp.seconds(uploading);
        System.out.printf(
                "BENCH pulp traffic: %d MiB uploaded through the web proxy with pulp-cli's default options,"
                        + " published and distributed in %.1f s%n",
                UPLOAD_BYTES / MIB, uploadSeconds);
        assertThat(baseUrl).isEqualTo("http://" + HOST + "/pulp/content/traffic/big/");

        long downloading = System.nanoTime();
        Curl download = curl(baseUrl + "big.bin", root.resolve("cli/big.download"));
        assertThat(download.code()).as("%s", download).isEqualTo(200);
        assertThat(sha256(root.resolve("cli/big.download")))
                .as("sha256 of the download")
                .isEqualTo(sha256);
        System.out.printf(
                "BENCH pulp traffic: %d MiB downloaded by base_url through the proxy in %.1f s%n",
                UPLOAD_BYTES / MIB, RealPulp.seconds(downloading));
        Files.delete(root.resolve("cli/big.download"));

        Curl head = curl(baseUrl + "big.bin", null, "-I");
        assertThat(head.code()).as("%s", head).isEqualTo(200);
        assertThat(head.headers().toLowerCase()).contains("content-length: " + UPLOAD_BYTES);
        Path range = root.resolve("cli/range.bin");
        Curl partial = curl(baseUrl + "big.bin", range, "-r", "100-199");
        assertThat(partial.code()).as("%s", partial).isEqualTo(206);
        assertThat(Files.readAllBytes(range)).isEqualTo(slice(big, 100, 100));
        Curl beyond = curl(baseUrl + "big.bin", null, "-r", UPLOAD_BYTES + "-");
        assertThat(beyond.code()).as("%s", beyond).isEqualTo(416);

        // Links behind a TLS-terminating ingress: its X-Forwarded-Proto survives the proxy.
        real.pulpCli(cliConfig, "file", "repository", "create", "--name", "second");
        String list = "http://" + HOST + "/pulp/api/v3/repositories/file/file/?limit=1";
        String auth = "admin:" + password;
        JsonNode secure = RealPulp.JSON.readTree(
                curl(list, null, "-u", auth, "-H", "X-Forwarded-Proto: https").body());
        assertThat(secure.path("next").asText()).startsWith("https://" + HOST + "/pulp/api/v3/");
        JsonNode plain = RealPulp.JSON.readTree(curl(list, null, "-u", auth).body());
        assertThat(plain.path("next").asText()).startsWith("http://" + HOST + "/pulp/api/v3/");

        System.out.printf(
                "BENCH pulp traffic: web proxy test %.1f s (Pulp created to checks done)%n",
                RealPulp.seconds(testStarted));
    }

    @Test
    @Order(2)
    void onS3ArtifactsLiveInTheBucketAndTheRedirectCanBeTurnedOff() throws Exception {
        long started = System.nanoTime();
        Map<String, String> s3 = pulpcore.startS3(dir, "traffic-artifacts");
        real.createSecret(
                "traffic-s3",
                Map.of(
                        "s3-access-key-id", s3.get("S3_ACCESS_KEY_ID"),
                        "s3-secret-access-key", s3.get("S3_SECRET_ACCESS_KEY"),
                        "s3-bucket-name", s3.get("S3_BUCKET_NAME"),
                        "s3-region", s3.get("S3_REGION"),
                        "s3-endpoint", s3.get("S3_ENDPOINT")));
        edit(p -> p.getSpec().setObjectStorageS3Secret("traffic-s3"));
        migrate("STORAGE=S3");
        startPulp();

        Path file = root.resolve("cli/s3.bin");
        String sha256 = writeRandom(file, MIB + 17);
        String baseUrl = publish("s3", file, "s3.bin");
        String bucket = curl(s3.get("S3_ENDPOINT") + "/" + s3.get("S3_BUCKET_NAME") + "?list-type=2", null)
                .body();
        assertThat(bucket).as("the bucket's keys").contains(sha256.substring(2));
        assertThat(filesOfSize(root.resolve("volumes"), Files.size(file)))
                .as("the artifact is on no volume of the pods")
                .isEmpty();

        Curl redirect = curl(baseUrl + "s3.bin", null);
        assertThat(redirect.code()).as("%s", redirect).isEqualTo(302);
        String location = redirect.redirect();
        assertThat(location)
                .as("a presigned URL of the endpoint")
                .startsWith(s3.get("S3_ENDPOINT") + "/")
                .contains("X-Amz-Signature=");
        Path followed = root.resolve("cli/s3.download");
        assertThat(curl(location, followed).code()).isEqualTo(200);
        assertThat(sha256(followed)).isEqualTo(sha256);

        // A public address for downloads (s3-custom-domain): a new migration Job, which also clears the
        // redirect above from pulp's content cache, then the pods roll.
        pulpcore.stop(dir, instances());
        String rolledFrom = apiConfigHash();
        admin.secrets().inNamespace(namespace).withName("traffic-s3").edit(secret -> {
            secret.getData()
                    .put(
                            "s3-custom-domain",
                            Base64.getEncoder()
                                    .encodeToString("downloads.traffic.test/traffic-artifacts"
                                            .getBytes(StandardCharsets.UTF_8)));
            return secret;
        });
        await().atMost(READY_TIMEOUT).until(() -> !apiConfigHash().equals(rolledFrom));
        migrate("S3_CUSTOM_DOMAIN=[0-9a-f]{10}, STORAGE=S3");
        startPulp();
        Curl custom = curl(baseUrl + "s3.bin", null);
        assertThat(custom.code()).as("%s", custom).isEqualTo(302);
        assertThat(custom.redirect())
                .as("django-storages' custom_domain: an unsigned link")
                .startsWith("https://downloads.traffic.test/traffic-artifacts/artifact/")
                .doesNotContain("X-Amz-Signature");

        // Redirect off: the operator runs the migration again (pulpcore keeps the setting in its
        // default domain), and only then do the pods move to the new settings.
        pulpcore.stop(dir, instances());
        edit(p -> p.getSpec().setRedirectToObjectStorage(false));
        migrate("REDIRECT_TO_OBJECT_STORAGE=False, S3_CUSTOM_DOMAIN=[0-9a-f]{10}, STORAGE=S3");
        startPulp();
        Curl served = curl(baseUrl + "s3.bin", followed);
        assertThat(served.code()).as("served by the content app: %s", served).isEqualTo(200);
        assertThat(sha256(followed)).isEqualTo(sha256);

        System.out.printf("BENCH pulp traffic: S3 test %.1f s%n", RealPulp.seconds(started));
    }

    @Test
    @Order(3)
    void onAzureBlobArtifactsLiveInTheContainerAndDownloadsRedirect() throws Exception {
        long started = System.nanoTime();
        Map<String, String> azure = pulpcore.startAzurite(dir, "traffic-artifacts");
        real.createSecret(
                "traffic-azure",
                Map.of(
                        "azure-account-name", azure.get("AZURE_ACCOUNT_NAME"),
                        "azure-account-key", azure.get("AZURE_ACCOUNT_KEY"),
                        "azure-container", azure.get("AZURE_CONTAINER"),
                        "azure-connection-string", azure.get("AZURE_CONNECTION_STRING")));
        edit(p -> {
            p.getSpec().setObjectStorageS3Secret(null);
            p.getSpec().setRedirectToObjectStorage(null);
            p.getSpec().setObjectStorageAzureSecret("traffic-azure");
        });
        migrate("STORAGE=AZURE");
        startPulp();

        Path file = root.resolve("cli/azure.bin");
        String sha256 = writeRandom(file, MIB + 29);
        String baseUrl = publish("azure", file, "azure.bin");
        assertThat(filesOfSize(root.resolve("volumes"), Files.size(file)))
                .as("the artifact is on no volume of the pods")
                .isEmpty();
        Curl redirect = curl(baseUrl + "azure.bin", null);
        assertThat(redirect.code()).as("%s", redirect).isEqualTo(302);
        String location = redirect.redirect();
        assertThat(location)
                .as("a SAS URL of the Blob endpoint")
                .startsWith(azure.get("AZURE_BLOB_URL") + "/" + azure.get("AZURE_CONTAINER") + "/")
                .contains(sha256.substring(2))
                .contains("sig=");
        Path followed = root.resolve("cli/azure.download");
        assertThat(curl(location, followed).code()).isEqualTo(200);
        assertThat(sha256(followed)).isEqualTo(sha256);

        System.out.printf("BENCH pulp traffic: Azure test %.1f s%n", RealPulp.seconds(started));
        System.out.printf(
                "BENCH pulp traffic: all three tests %.1f s (without install and control plane)%n",
                RealPulp.seconds(testStarted));
    }

    // --- the operator's side -----------------------------------------------------------------------

    private interface SpecEdit {
        void apply(Pulp pulp);
    }

    /** Changes the spec and waits until the operator is done (on the fake nodes: Jobs complete at once). */
    private static void edit(SpecEdit change) {
        fixture.pulp(PULP).edit(p -> {
            change.apply(p);
            return p;
        });
        fixture.awaitReady(PULP, READY_TIMEOUT);
    }

    /**
     * Runs the migration Job the operator created for the current spec; {@code domain} is a pattern of
     * what its domain-settings annotation must say (null: none, pulpcore's defaults on file storage).
     */
    private static void migrate(String domain) throws Exception {
        List<Job> jobs = real.migrationJobs(PULP);
        assertThat(jobs).as("the current migration Job").hasSize(1);
        String annotation = jobs.get(0).getMetadata().getAnnotations().get("app.theforeman.org/domain-settings");
        if (domain == null) {
            assertThat(annotation).isNull();
        } else {
            assertThat(annotation).matches(domain);
        }
        long started = System.nanoTime();
        PulpcoreScript.Result migration = real.runMigration(real.migrationPod(PULP), PULP, root);
        assertThat(migration.exitCode())
                .as("the migration Job's command:\n%s", migration.output())
                .isZero();
        System.out.printf(
                "BENCH pulp traffic: migration Job %s %.1f s%n",
                jobs.get(0).getMetadata().getName(), RealPulp.seconds(started));
    }

    // --- processes ---------------------------------------------------------------------------------

    private static int apiPort;
    private static int contentPort;

    /** api, content and worker from their Deployments, and the web proxy in front; waits for status. */
    private static void startPulp() throws Exception {
        long started = System.nanoTime();
        int[] ports = RealPulp.freePorts(3);
        apiPort = ports[0];
        contentPort = ports[1];
        webPort = ports[2];
        real.start(root, PULP, "api", apiPort);
        real.start(root, PULP, "content", contentPort);
        real.start(root, PULP, "worker", 0);
        startWeb();
        real.awaitStatus(web("/pulp/api/v3/status/"), instances());
        // pulp-cli talks to the proxy, as a client would.
        cliConfig = RealPulp.cliConfig(
                root.resolve("cli"),
                "http://127.0.0.1:" + webPort,
                real.secretValue(PULP + "-admin-password", "password"));
        System.out.printf(
                "BENCH pulp traffic: api, content, worker and web proxy up in %.1f s%n", RealPulp.seconds(started));
    }

    /**
     * The web Deployment's container as its pod runs it: the operator's nginx.conf with only the
     * Services' names and the pod's port moved to loopback, as the pod's user (runAsUser), with the
     * pod's emptyDir as its private /tmp.
     */
    private static void startWeb() throws Exception {
        String instance = PULP + "-web";
        PodSpec pod = real.deploymentPod(instance);
        Container container = pod.getContainers().get(0);
        LocalContainer local = LocalContainer.prepare(admin, namespace, pod, container, root, instance);
        Path conf = local.local("/etc/nginx/pulp").resolve("nginx.conf");
        String text = Files.readString(conf);
        text = replaceOnce(text, "server " + PULP + "-api:24817;", "server 127.0.0.1:" + apiPort + ";");
        text = replaceOnce(text, "server " + PULP + "-content:24816;", "server 127.0.0.1:" + contentPort + ";");
        text = replaceOnce(text, "listen 8080;", "listen 127.0.0.1:" + webPort + ";");
        Files.writeString(conf, text);

        List<String> command = new ArrayList<>();
        if (isRoot()) {
            long uid = pod.getSecurityContext().getRunAsUser();
            long gid = pod.getSecurityContext().getRunAsGroup();
            Path tmp = local.local("/tmp");
            Files.setAttribute(tmp, "unix:uid", (int) uid);
            Files.setAttribute(tmp, "unix:gid", (int) gid);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx------"));
            // nginx reopens /dev/stdout for its access log: the log file must be the pod user's.
            Path log = PulpcoreScript.log(dir, instance);
            Files.createDirectories(log.getParent());
            Files.write(log, new byte[0]);
            Files.setAttribute(log, "unix:uid", (int) uid);
            command.addAll(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--"));
        }
        command.addAll(local.command());
        pulpcore.start(dir, instance, local.envFile(), command);
    }

    private static String apiConfigHash() {
        return admin.apps()
                .deployments()
                .inNamespace(namespace)
                .withName(PULP + "-api")
                .require()
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations()
                .get(ConfigHash.ANNOTATION);
    }

    private static List<String> instances() {
        return PROCESSES.stream().map(p -> PULP + "-" + p).toList();
    }

    private static String web(String path) {
        return "http://127.0.0.1:" + webPort + path;
    }

    // --- content -----------------------------------------------------------------------------------

    /** pulp-cli through the proxy: a repository, an upload, a publication, a distribution; its base_url. */
    private static String publish(String name, Path file, String relativePath) throws Exception {
        real.pulpCli(cliConfig, "file", "repository", "create", "--name", name);
        real.pulpCli(
                cliConfig,
                "file",
                "content",
                "upload",
                "--repository",
                name,
                "--file",
                file.toString(),
                "--relative-path",
                relativePath);
        String publication = real.pulpCli(cliConfig, "file", "publication", "create", "--repository", name)
                .path("pulp_href")
                .asText();
        return real.pulpCli(
                        cliConfig,
                        "file",
                        "distribution",
                        "create",
                        "--name",
                        name,
                        "--base-path",
                        PULP + "/" + name,
                        "--publication",
                        publication)
                .path("base_url")
                .asText();
    }

    /** What curl saw: the status code, the body (unless written to a file), the headers, a redirect's target. */
    private record Curl(int code, String body, String headers, String redirect, String command) {
        @Override
        public String toString() {
            return command + " -> " + code + "\n" + headers + body;
        }
    }

    /**
     * curl as a client outside: the Ingress host resolves to the proxy's loopback port (what DNS and the
     * Ingress do in a cluster), other hosts as they are. The body goes to {@code output} when given.
     */
    private static Curl curl(String url, Path output, String... args) throws Exception {
        Path body = output != null ? output : root.resolve("cli/curl.body");
        Path headers = root.resolve("cli/curl.headers");
        Path err = root.resolve("cli/curl.err");
        Files.createDirectories(headers.getParent());
        List<String> command = new ArrayList<>(List.of(
                "curl",
                "-sS",
                "--max-time",
                "300",
                "--connect-to",
                HOST + ":80:127.0.0.1:" + webPort,
                "-D",
                headers.toString(),
                "-o",
                body.toString(),
                "-w",
                "%{http_code} %{redirect_url}"));
        command.addAll(List.of(args));
        command.add(url);
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .redirectError(err.toFile())
                .start();
        String written = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(6, TimeUnit.MINUTES)).as("curl %s", url).isTrue();
        String[] parts = (written + " ").split(" ", 2);
        String line = String.join(" ", command);
        assertThat(parts[0]).as("%s:\n%s", line, Files.readString(err)).matches("\\d{3}");
        return new Curl(
                Integer.parseInt(parts[0]),
                output != null || !Files.exists(body) ? "" : Files.readString(body, StandardCharsets.ISO_8859_1),
                Files.exists(headers) ? Files.readString(headers, StandardCharsets.ISO_8859_1) : "",
                parts[1].strip(),
                line);
    }

    private static String writeRandom(Path file, long size) throws Exception {
        Files.createDirectories(file.getParent());
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        SplittableRandom random = new SplittableRandom();
        byte[] buffer = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += buffer.length) {
                for (int i = 0; i < buffer.length; i += 8) {
                    long value = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        buffer[i + b] = (byte) (value >>> (8 * b));
                    }
                }
                int n = (int) Math.min(buffer.length, size - written);
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static byte[] slice(Path file, long offset, int length) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(offset);
            return in.readNBytes(length);
        }
    }

    private static List<Path> filesOfSize(Path under, long size) throws IOException {
        try (Stream<Path> paths = Files.walk(under)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> {
                        try {
                            return Files.size(p) == size;
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .toList();
        }
    }

    private static String replaceOnce(String text, String from, String to) {
        assertThat(text).as("the generated nginx.conf").containsOnlyOnce(from);
        return text.replace(from, to);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
