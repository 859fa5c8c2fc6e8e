package org.theforeman.operator.suite.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.RepositoryLayout;
import org.theforeman.operator.e2e.harness.TestNamespace;
import org.theforeman.operator.e2e.harness.WithControlPlane;

/**
 * {@code helm install} of the chart into a namespace of the control plane (the README's command with the
 * test's namespace): the operators' Deployments roll out on the fake nodes, a second watched namespace gets
 * its Role, and {@code helm uninstall} removes what the release created.
 */
@WithControlPlane
class HelmInstallIT {

    @Test
    void helmInstallAndUninstall(ControlPlane plane, TestNamespace namespace) throws Exception {
        String helm = helm();
        String ns = namespace.name();
        String watched = ns + "-b";
        plane.admin()
                .namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(watched)
                        .endMetadata()
                        .build())
                .create();
        try {
            long started = System.nanoTime();
            String out = run(
                    plane,
                    helm,
                    "install",
                    "foreman-suite",
                    HelmChart.DIR,
                    "--namespace",
                    ns,
                    "--set",
                    "watchNamespaces={" + watched + "}",
                    "--wait",
                    "--timeout",
                    "120s");
            System.out.printf("helm install --wait: %.1f s%n%s", (System.nanoTime() - started) / 1e9, out);
            for (String operator : InstallFiles.operatorNames()) {
                Deployment deployment = plane.admin()
                        .apps()
                        .deployments()
                        .inNamespace(ns)
                        .withName(operator)
                        .get();
                assertThat(deployment.getStatus().getAvailableReplicas())
                        .as(operator)
                        .isEqualTo(1);
                assertThat(plane.admin()
                                .rbac()
                                .roles()
                                .inNamespace(watched)
                                .withName(operator + "-from-" + ns)
                                .get())
                        .as("%s's Role in %s", operator, watched)
                        .isNotNull();
            }
            run(plane, helm, "uninstall", "foreman-suite", "--namespace", ns, "--wait");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(plane.admin()
                                .apps()
                                .deployments()
                                .inNamespace(ns)
                                .list()
                                .getItems())
                        .isEmpty();
                assertThat(plane.admin()
                                .rbac()
                                .roles()
                                .inNamespace(watched)
                                .list()
                                .getItems())
                        .isEmpty();
            });
        } finally {
            plane.admin().namespaces().withName(watched).delete();
        }
    }

    private static String helm() throws Exception {
        Process build = new ProcessBuilder(
                        RepositoryLayout.root().resolve("e2e/helm/build.sh").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(build.waitFor(1_800, TimeUnit.SECONDS)).isTrue();
        assertThat(build.exitValue()).isZero();
        return out.strip().lines().reduce((first, last) -> last).orElseThrow();
    }

    private static String run(ControlPlane plane, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(args)
                .directory(RepositoryLayout.root().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true);
        builder.environment().put("KUBECONFIG", plane.kubeconfig().toString());
        builder.environment()
                .put(
                        "HELM_CACHE_HOME",
                        Path.of("target/helm/cache").toAbsolutePath().toString());
        builder.environment()
                .put(
                        "HELM_CONFIG_HOME",
                        Path.of("target/helm/config").toAbsolutePath().toString());
        builder.environment()
                .put(
                        "HELM_DATA_HOME",
                        Path.of("target/helm/data").toAbsolutePath().toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s:%n%s", args, out).isZero();
        return out;
    }
}
