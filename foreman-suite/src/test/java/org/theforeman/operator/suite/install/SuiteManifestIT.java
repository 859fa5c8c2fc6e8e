package org.theforeman.operator.suite.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.RepositoryLayout;
import org.theforeman.operator.e2e.harness.TestNamespace;
import org.theforeman.operator.e2e.harness.WithControlPlane;

/**
 * install/foreman-suite.yaml with one {@code kubectl apply --server-side -f}: the API server takes every
 * object (the CRDs are established before the operators need them), the three operator Deployments roll
 * out on the control plane's fake nodes, and applying it again changes nothing. The namespace is the
 * test's instead of {@code foreman}, so that a shared cluster keeps its own.
 */
@WithControlPlane
class SuiteManifestIT {

    @Test
    void oneServerSideApplyInstallsTheWholeSuite(ControlPlane plane, TestNamespace namespace) throws Exception {
        String manifest = Files.readString(RepositoryLayout.root().resolve("install/foreman-suite.yaml"))
                .replace("namespace: " + InstallFiles.SUITE_NAMESPACE + "\n", "namespace: " + namespace + "\n")
                .replace("name: " + InstallFiles.SUITE_NAMESPACE + "\n", "name: " + namespace + "\n");
        Path file = Files.createTempFile("foreman-suite-", ".yaml");
        Files.writeString(file, manifest);

        // Other tests of this JVM may have installed the CRDs another way (the harness as fabric8, HelmInstallIT
        // as helm): two installers of one CRD conflict, as they would on a user's cluster. Only then does the
        // apply take the CRDs over; on a fresh cluster it is the README's command as is.
        boolean crdsOfTheHarness =
                plane.admin().apiextensions().v1().customResourceDefinitions().list().getItems().stream()
                        .filter(crd -> crd.getMetadata().getName().endsWith(".app.theforeman.org"))
                        .flatMap(crd -> crd.getMetadata().getManagedFields().stream())
                        .anyMatch(entry -> Set.of("fabric8", "helm").contains(entry.getManager()));
        List<String> apply = new ArrayList<>(List.of("apply", "--server-side", "-f", file.toString()));
        if (crdsOfTheHarness) {
            apply.add("--force-conflicts");
        }
        long started = System.nanoTime();
        String applied = plane.kubectl(apply.toArray(String[]::new));
        System.out.printf(
                "kubectl apply --server-side -f install/foreman-suite.yaml: %.1f s%n%s",
                (System.nanoTime() - started) / 1e9, applied);
        assertThat(applied)
                .contains("customresourcedefinition.apiextensions.k8s.io/pulps.app.theforeman.org serverside-applied")
                .contains("deployment.apps/foreman-operator serverside-applied");

        for (String operator : InstallFiles.operatorNames()) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Deployment deployment = plane.admin()
                        .apps()
                        .deployments()
                        .inNamespace(namespace.name())
                        .withName(operator)
                        .get();
                assertThat(deployment.getStatus().getAvailableReplicas())
                        .as("%s available", operator)
                        .isEqualTo(1);
            });
            assertThat(plane.admin()
                            .services()
                            .inNamespace(namespace.name())
                            .withName(operator + Manifests.SIDE_PORT_SERVICE_SUFFIX)
                            .get())
                    .isNotNull();
        }
        String resourceVersions = plane.kubectl(
                "get",
                "-n",
                namespace.name(),
                "deployments,roles,rolebindings,serviceaccounts,services",
                "-o",
                "jsonpath={.items[*].metadata.resourceVersion}");
        plane.kubectl(apply.toArray(String[]::new));
        assertThat(plane.kubectl(
                        "get",
                        "-n",
                        namespace.name(),
                        "deployments,roles,rolebindings,serviceaccounts,services",
                        "-o",
                        "jsonpath={.items[*].metadata.resourceVersion}"))
                .as("a second apply changes nothing")
                .isEqualTo(resourceVersions);
        Files.delete(file);
    }
}
