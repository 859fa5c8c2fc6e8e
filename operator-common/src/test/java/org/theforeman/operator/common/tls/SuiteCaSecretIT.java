package org.theforeman.operator.common.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.TestNamespace;
import org.theforeman.operator.e2e.harness.WithControlPlane;

/** Operators racing to create the suite CA end up with one, which is never replaced. */
@WithControlPlane
class SuiteCaSecretIT {
    @Test
    void racingOperatorsShareOneCa(ControlPlane plane, TestNamespace namespace) throws Exception {
        KubernetesClient admin = plane.admin();
        int racers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<SuiteCa>> results = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String operator = i % 2 == 0 ? "foreman-operator" : "smart-proxy-operator";
            results.add(pool.submit(() -> {
                start.await();
                return SuiteCaSecret.ensure(admin, namespace.name(), operator, Instant.now());
            }));
        }
        start.countDown();
        List<String> certificates = new ArrayList<>();
        for (Future<SuiteCa> result : results) {
            certificates.add(result.get().certificatePem());
        }
        pool.shutdown();

        assertThat(certificates).as("every racer uses the same CA").containsOnly(certificates.get(0));
        Secret stored = admin.secrets()
                .inNamespace(namespace.name())
                .withName(SuiteCaSecret.NAME)
                .get();
        assertThat(SuiteCaSecret.fromSecret(stored).certificatePem()).isEqualTo(certificates.get(0));
        assertThat(stored.getMetadata().getOwnerReferences()).isNullOrEmpty();
        assertThat(stored.getMetadata().getLabels()).containsEntry("app.kubernetes.io/part-of", "foreman-suite");

        // Later calls read it, never replace it.
        SuiteCa again = SuiteCaSecret.ensure(admin, namespace.name(), "smart-proxy-operator", Instant.now());
        assertThat(again.certificatePem()).isEqualTo(certificates.get(0));
        assertThat(admin.secrets()
                        .inNamespace(namespace.name())
                        .withName(SuiteCaSecret.NAME)
                        .get()
                        .getMetadata()
                        .getResourceVersion())
                .isEqualTo(stored.getMetadata().getResourceVersion());
    }
}
