package org.theforeman.operator.e2e.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The second path: k3s in a container through Testcontainers. Runs where a Docker engine answers;
 * elsewhere (these machines) it is skipped with a message, never failed. The full scenarios run on k3s
 * with FOREMAN_TEST_CLUSTER=k3s.
 */
class K3sPathIT {
    @Test
    void k3sServesTheApiWhereDockerIsAvailable() {
        Assumptions.assumeTrue(
                K3sControlPlane.dockerAvailable(), "no Docker engine answers: the Testcontainers k3s path is skipped");
        try (K3sControlPlane k3s = K3sControlPlane.start()) {
            var configMaps = k3s.admin().configMaps().inNamespace("default");
            configMaps
                    .resource(new ConfigMapBuilder()
                            .withNewMetadata()
                            .withName("probe")
                            .endMetadata()
                            .build())
                    .create();
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () -> assertThat(configMaps.withName("probe").get()).isNotNull());
        }
    }
}
