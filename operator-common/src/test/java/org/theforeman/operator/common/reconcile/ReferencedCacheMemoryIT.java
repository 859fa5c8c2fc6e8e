package org.theforeman.operator.common.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.lang.management.ManagementFactory;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.WithControlPlane;

/**
 * What an informer of Secrets costs in heap when the watched namespaces hold many Secrets the operator
 * has nothing to do with: a cache of everything against {@link ReferencedObjectStore}, which keeps only
 * the Secrets a primary refers to. Prints both; asserts only what the store keeps, not a size.
 */
@WithControlPlane
class ReferencedCacheMemoryIT {
    private static final int NAMESPACES = Integer.getInteger("memory.namespaces", 100);
    private static final int SECRETS_PER_NAMESPACE = Integer.getInteger("memory.secrets", 10);
    private static final int SECRET_BYTES = 4096;

    private static KubernetesClient admin;

    @BeforeAll
    static void createUnrelatedSecrets(ControlPlane plane) {
        admin = plane.admin();
        byte[] payload = new byte[SECRET_BYTES];
        String value = Base64.getEncoder().encodeToString(payload);
        IntStream.range(0, NAMESPACES).parallel().forEach(n -> {
            String namespace = "unrelated-" + n;
            admin.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName(namespace)
                            .endMetadata()
                            .build())
                    .serverSideApply();
            for (int s = 0; s < SECRETS_PER_NAMESPACE; s++) {
                admin.secrets()
                        .inNamespace(namespace)
                        .resource(new SecretBuilder()
                                .withNewMetadata()
                                .withName((s == 0 ? "db-credentials" : "helm-release-" + s))
                                .withLabels(Map.of("owner", "helm"))
                                .endMetadata()
                                .withData(Map.of("payload", value))
                                .build())
                        .serverSideApply();
            }
        });
    }

    @Test
    void aStoreOfReferencedSecretsKeepsOnlyThoseWhole() throws Exception {
        long everything = heapOfInformer(new BasicItemStore<>(Cache::metaNamespaceKeyFunc));
        var referenced = new ReferencedObjectStore<Secret>((namespace, name) -> name.equals("db-credentials"));
        long onlyReferenced = heapOfInformer(referenced);
        System.out.printf(
                "BENCH Secret informer over %d namespaces x %d Secrets of %d bytes: cache of everything %.1f MiB,"
                        + " referenced only %.1f MiB%n",
                NAMESPACES, SECRETS_PER_NAMESPACE, SECRET_BYTES, everything / 1048576.0, onlyReferenced / 1048576.0);
        assertThat(referenced.size()).isGreaterThanOrEqualTo(NAMESPACES * SECRETS_PER_NAMESPACE);
        assertThat(referenced.values().filter(s -> !ReferencedObjectStore.isPlaceholder(s)))
                .hasSize(NAMESPACES);
    }

    /** Heap retained by a running informer of all Secrets with {@code store} (after a full GC, minus before). */
    private static long heapOfInformer(ItemStore<Secret> store) throws Exception {
        long before = usedHeapAfterGc();
        SharedIndexInformer<Secret> informer =
                admin.secrets().inAnyNamespace().runnableInformer(0).itemStore(store);
        informer.start().toCompletableFuture().get(60, TimeUnit.SECONDS);
        long after = usedHeapAfterGc();
        informer.stop();
        return after - before;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
