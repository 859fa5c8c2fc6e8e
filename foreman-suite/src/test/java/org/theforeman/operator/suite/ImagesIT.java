package org.theforeman.operator.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.status.Conditions;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.RepositoryLayout;
import org.theforeman.operator.e2e.harness.ServiceAccountKubeconfig;
import org.theforeman.operator.e2e.harness.TestNamespace;
import org.theforeman.operator.e2e.harness.WithControlPlane;

/**
 * The images {@code mvn -Pimages package} builds with Jib (skipped, with a message, without that profile):
 * each is named exactly as its install bundle's Deployment says, runs as 65532, and the all-in-one image
 * runs: its layers unpacked into a root filesystem mounted read-only with a tmpfs /tmp (as the bundle's
 * securityContext and emptyDir make it), its entrypoint run there as uid 65532 with the bundle's JVM settings
 * and its ServiceAccount's token, it reconciles a Pulp to Ready. No container runtime is available here: a
 * chroot in a private mount namespace (root only) stands in for one, so cgroup limits, the pod network and
 * the kubelet's probes are not exercised.
 */
@WithControlPlane
class ImagesIT {
    private static final Pattern SIDE_PORT = Pattern.compile("side port (\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyImageIsNamedAsItsBundleSaysAndRunsAsNonRoot() throws Exception {
        Path root = RepositoryLayout.root();
        int checked = 0;
        for (String module : List.of("pulp-operator", "smart-proxy-operator", "foreman-operator", "foreman-suite")) {
            Path tar = root.resolve(module).resolve("target/jib-image.tar");
            assumeTrue(Files.isRegularFile(tar), tar + " missing: build the images with mvn -B -Pimages package");
            Path jar = root.resolve(module).resolve("target").resolve(module + ".jar");
            assumeTrue(
                    Files.getLastModifiedTime(tar).compareTo(Files.getLastModifiedTime(jar)) >= 0,
                    tar + " is older than " + jar + ": rebuild the images with mvn -B -Pimages package");
            Map<String, byte[]> image = ImageTarball.read(tar, List.of("manifest.json", "config.json"));
            JsonNode manifest = JSON.readTree(image.get("manifest.json")).get(0);
            JsonNode config = JSON.readTree(image.get("config.json")).get("config");
            String bundle = module.equals("foreman-suite")
                    ? "install/foreman-suite-all-in-one.yaml"
                    : "install/" + module + ".yaml";
            assertThat(manifest.get("RepoTags").get(0).asText()).isEqualTo(bundleImage(root.resolve(bundle)));
            assertThat(config.get("User").asText()).isEqualTo("65532:65532");
            assertThat(config.get("Entrypoint").toString()).contains("@/app/jib-classpath-file");
            System.out.printf(
                    "%s: %s, %d layers, %d MiB%n",
                    module,
                    manifest.get("RepoTags").get(0).asText(),
                    manifest.get("Layers").size(),
                    Files.size(tar) >> 20);
            checked++;
        }
        assertThat(checked).isEqualTo(4);
    }

    @Test
    void theAllInOneImageReconcilesAPulpFromAReadOnlyRootAsNonRoot(ControlPlane plane, TestNamespace namespace)
            throws Exception {
        Path tar = RepositoryLayout.root().resolve("foreman-suite/target/jib-image.tar");
        assumeTrue(Files.isRegularFile(tar), tar + " missing: build the images with mvn -B -Pimages package");
        assumeTrue(
                Files.getLastModifiedTime(tar)
                                .compareTo(Files.getLastModifiedTime(
                                        RepositoryLayout.root().resolve("foreman-suite/target/foreman-suite.jar")))
                        >= 0,
                tar + " is older than the jar: rebuild the images with mvn -B -Pimages package");
        assumeTrue(
                "root".equals(System.getProperty("user.name")) && new File("/usr/bin/unshare").canExecute(),
                "running an image without a container runtime needs root and unshare (a chroot stands in)");
        String ns = namespace.name();
        plane.applyCrds(RepositoryLayout.root().resolve("install/crds"));
        plane.kubectl(
                "apply",
                "-n",
                ns,
                "-f",
                RepositoryLayout.root()
                        .resolve("install/foreman-suite-all-in-one.yaml")
                        .toString());
        Path rootfs = Files.createTempDirectory("image-rootfs-");
        Map<String, byte[]> entries = ImageTarball.read(tar, List.of("manifest.json", "config.json"));
        JsonNode manifest = JSON.readTree(entries.get("manifest.json")).get(0);
        JsonNode config = JSON.readTree(entries.get("config.json")).get("config");
        for (JsonNode layer : manifest.get("Layers")) {
            ImageTarball.extractLayer(tar, layer.asText(), rootfs);
        }
        Files.createDirectories(rootfs.resolve("proc"));
        // The JRE's trust store, built from Debian's ca-certificates: an external Foreman with a public CA needs it.
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(rootfs.resolve(javaHome(config).substring(1) + "/lib/security/cacerts"))) {
            trusted.load(in, "changeit".toCharArray());
        }
        assertThat(trusted.size()).as("certificates in the image's cacerts").isGreaterThan(100);
        Path kubeconfig = ServiceAccountKubeconfig.write(plane, ns, ForemanSuite.NAME);
        Path log = Files.createTempFile("foreman-suite-image-", ".log");

        List<String> env = new ArrayList<>(List.of("env", "-i"));
        config.get("Env").forEach(e -> env.add(e.asText()));
        env.addAll(List.of(
                "KUBECONFIG=/tmp/kubeconfig",
                "WATCH_NAMESPACES=" + ns,
                "POD_NAMESPACE=" + ns,
                "POD_NAME=foreman-suite-image",
                "LEADER_ELECTION=true",
                "HTTP_PORT=0",
                "JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=75 -XX:+UseSerialGC"));
        List<String> entrypoint = new ArrayList<>();
        config.get("Entrypoint").forEach(e -> entrypoint.add("'" + e.asText() + "'"));
        String user = config.get("User").asText();
        String script = "set -e; R=" + rootfs + "; mount --bind $R $R; mount --rbind /proc $R/proc;"
                + " mount -t tmpfs -o mode=1777 tmpfs $R/tmp; cp " + kubeconfig + " $R/tmp/kubeconfig;"
                + " chmod 644 $R/tmp/kubeconfig; mount -o remount,bind,ro $R;"
                + " exec "
                + String.join(" ", env.stream().map(e -> "'" + e + "'").toList())
                + " chroot --userspec=" + user + " $R " + String.join(" ", entrypoint);
        Process process = new ProcessBuilder("unshare", "--mount", "--fork", "--kill-child=SIGTERM", "sh", "-c", script)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        try {
            long started = System.nanoTime();
            int port = await().atMost(Duration.ofSeconds(90))
                    .until(
                            () -> {
                                String out = Files.readString(log);
                                assertThat(process.isAlive())
                                        .as("the image's process runs:%n%s", out)
                                        .isTrue();
                                Matcher m = SIDE_PORT.matcher(out);
                                return out.contains("foreman-suite started") && m.find()
                                        ? Integer.parseInt(m.group(1))
                                        : -1;
                            },
                            p -> p > 0);
            System.out.printf("the image's entrypoint started in %.1f s%n", (System.nanoTime() - started) / 1e9);
            HttpClient http = HttpClient.newHttpClient();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(http.send(
                                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString())
                                    .statusCode())
                            .isEqualTo(200));

            Pulp pulp = Serialization.unmarshal(
                    Files.readString(RepositoryLayout.root().resolve("samples/pulp-standalone.yaml")), Pulp.class);
            pulp.getMetadata().setNamespace(ns);
            plane.admin().resource(pulp).create();
            long applied = System.nanoTime();
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> {
                        Pulp current = plane.admin()
                                .resources(Pulp.class)
                                .inNamespace(ns)
                                .withName("pulp")
                                .get();
                        Condition ready = current.getStatus() == null
                                ? null
                                : Conditions.find(current.getStatus().getConditions(), "Ready")
                                        .orElse(null);
                        assertThat(ready).isNotNull();
                        assertThat(ready.getStatus()).as(ready.getMessage()).isEqualTo("True");
                    });
            System.out.printf(
                    "Pulp Ready %.1f s after apply, reconciled by the image's process%n",
                    (System.nanoTime() - applied) / 1e9);
            assertThat(Files.readString(log))
                    .doesNotContain("Read-only file system")
                    .doesNotContain("Exception");
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            process.destroyForcibly();
            System.out.println("--- the image's process ---\n" + Files.readString(log));
            Files.deleteIfExists(kubeconfig);
            new ProcessBuilder("rm", "-rf", rootfs.toString()).start().waitFor();
        }
    }

    private static String javaHome(JsonNode config) {
        for (JsonNode env : config.get("Env")) {
            if (env.asText().startsWith("JAVA_HOME=")) {
                return env.asText().substring("JAVA_HOME=".length());
            }
        }
        throw new IllegalStateException("no JAVA_HOME in the image's environment");
    }

    /** The image of the bundle's one Deployment. */
    private static String bundleImage(Path bundle) throws IOException {
        Matcher m = Pattern.compile("(?m)^\\s+image: (\\S+)$").matcher(Files.readString(bundle));
        assertThat(m.find()).as("an image in %s", bundle).isTrue();
        return m.group(1);
    }
}
