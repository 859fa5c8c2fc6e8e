package org.theforeman.operator.e2e.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The garbage collector of kube-controller-manager deletes what an owner reference ties to a deleted owner. */
@WithControlPlane
class GarbageCollectionIT {

    @Test
    void deletingTheOwnerDeletesItsChildren(KubernetesClient admin, TestNamespace namespace) {
        String ns = namespace.name();
        ConfigMap owner = admin.configMaps()
                .inNamespace(ns)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("owner")
                        .endMetadata()
                        .build())
                .create();
        var reference = new OwnerReferenceBuilder()
                .withApiVersion("v1")
                .withKind("ConfigMap")
                .withName("owner")
                .withUid(owner.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
        admin.configMaps()
                .inNamespace(ns)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("child")
                        .withOwnerReferences(reference)
                        .endMetadata()
                        .withData(Map.of("k", "v"))
                        .build())
                .create();
        Map<String, String> labels = Map.of("app", "child");
        admin.apps()
                .deployments()
                .inNamespace(ns)
                .resource(new DeploymentBuilder()
                        .withNewMetadata()
                        .withName("child")
                        .withOwnerReferences(reference)
                        .endMetadata()
                        .withNewSpec()
                        .withReplicas(1)
                        .withNewSelector()
                        .withMatchLabels(labels)
                        .endSelector()
                        .withNewTemplate()
                        .withNewMetadata()
                        .withLabels(labels)
                        .endMetadata()
                        .withNewSpec()
                        .addNewContainer()
                        .withName("c")
                        .withImage("registry.example/c:1")
                        .endContainer()
                        .endSpec()
                        .endTemplate()
                        .endSpec()
                        .build())
                .create();
        // An unrelated object must survive: the collector follows references, not names or namespaces.
        admin.configMaps()
                .inNamespace(ns)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("bystander")
                        .endMetadata()
                        .build())
                .create();

        admin.configMaps().inNamespace(ns).withName("owner").delete();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(admin.configMaps().inNamespace(ns).withName("child").get())
                    .isNull();
            assertThat(admin.apps()
                            .deployments()
                            .inNamespace(ns)
                            .withName("child")
                            .get())
                    .isNull();
        });
        assertThat(admin.configMaps().inNamespace(ns).withName("bystander").get())
                .isNotNull();
    }
}
