package org.theforeman.operator.common.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.common.apply.ResourceApplier.Outcome;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.TestNamespace;
import org.theforeman.operator.e2e.harness.WithControlPlane;

/**
 * The applier against a real API server: what the server adds or canonicalises is no drift, so an object
 * applied once is never written again; a removed field, a hand edit of an owned field and an edited list
 * entry are drift and repaired; fields of other managers are left alone.
 */
@WithControlPlane
class ResourceApplierIT {
    private static final String MANAGER = "applier-it";

    private KubernetesClient admin;
    private ResourceApplier applier;
    private String namespace;

    @BeforeEach
    void setUp(ControlPlane plane, TestNamespace testNamespace) {
        admin = plane.admin();
        applier = new ResourceApplier(admin, MANAGER);
        namespace = testNamespace.name();
    }

    private <R extends HasMetadata> R live(R object) {
        return admin.resource(object).inNamespace(namespace).get();
    }

    /** Applies, then applies the same desired object against what the server now holds. */
    private <R extends HasMetadata> Outcome applyTwice(R desired, R sameAgain) {
        assertThat(applier.apply(desired, null)).isEqualTo(Outcome.CREATED);
        return applier.apply(sameAgain, live(sameAgain));
    }

    private Deployment deployment(String cpu, Map<String, String> nodeSelector) {
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName("web")
                .withNamespace(namespace)
                .withLabels(Map.of("app", "web"))
                .endMetadata()
                .withNewSpec()
                .withNewSelector()
                .withMatchLabels(Map.of("app", "web"))
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(Map.of("app", "web"))
                .endMetadata()
                .withNewSpec()
                .withNodeSelector(nodeSelector)
                .addNewContainer()
                .withName("web")
                .withImage("nginx:1")
                .addNewPort()
                .withContainerPort(8080)
                .endPort()
                .withNewResources()
                .withRequests(Map.of("cpu", new Quantity(cpu), "memory", new Quantity("1024Mi")))
                .endResources()
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    @Test
    void whatTheServerDefaultsOrCanonicalisesIsNoDrift() {
        assertThat(applyTwice(deployment("0.5", null), deployment("0.5", null)))
                .as("cpu 0.5 is stored as 500m, memory 1024Mi as 1Gi; strategy, probes' defaults...")
                .isEqualTo(Outcome.UNCHANGED);

        Service service = new ServiceBuilder()
                .withNewMetadata()
                .withName("web")
                .withNamespace(namespace)
                .endMetadata()
                .withNewSpec()
                .withSelector(Map.of("app", "web"))
                .addNewPort()
                .withName("http")
                .withPort(80)
                .withTargetPort(new IntOrString(8080))
                .endPort()
                .endSpec()
                .build();
        assertThat(applyTwice(service, new ServiceBuilder(service).build()))
                .as("the port's protocol is a key the server defaults")
                .isEqualTo(Outcome.UNCHANGED);

        StatefulSet statefulSet = new StatefulSetBuilder()
                .withNewMetadata()
                .withName("db")
                .withNamespace(namespace)
                .endMetadata()
                .withNewSpec()
                .withServiceName("db")
                .withNewSelector()
                .withMatchLabels(Map.of("app", "db"))
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(Map.of("app", "db"))
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("db")
                .withImage("postgres:16")
                .endContainer()
                .endSpec()
                .endTemplate()
                .addNewVolumeClaimTemplate()
                .withNewMetadata()
                .withName("data")
                .endMetadata()
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withNewResources()
                .withRequests(Map.of("storage", new Quantity("1Gi")))
                .endResources()
                .endSpec()
                .endVolumeClaimTemplate()
                .endSpec()
                .build();
        assertThat(applyTwice(statefulSet, new StatefulSetBuilder(statefulSet).build()))
                .as("the server fills in the claim templates' kind, volumeMode and status")
                .isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void aRemovedFieldIsRemovedAndThenNothingIsWritten() {
        applier.apply(deployment("250m", Map.of("disktype", "ssd")), null);
        Deployment removed = deployment("250m", null);
        assertThat(applier.apply(removed, live(removed))).isEqualTo(Outcome.UPDATED);
        Deployment after = live(removed);
        assertThat(after.getSpec().getTemplate().getSpec().getNodeSelector()).isNullOrEmpty();
        assertThat(applier.apply(deployment("250m", null), after)).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void aHandEditOfAnOwnedFieldIsRepairedButAnotherManagersFieldIsKept() {
        ConfigMap desired = new ConfigMapBuilder()
                .withNewMetadata()
                .withName("settings")
                .withNamespace(namespace)
                .endMetadata()
                .withData(Map.of("mode", "strict"))
                .build();
        applier.apply(desired, null);
        admin.configMaps().inNamespace(namespace).withName("settings").edit(c -> {
            c.getData().put("mode", "lenient");
            c.getMetadata().setLabels(Map.of("team", "ops"));
            return c;
        });
        ConfigMap again = new ConfigMapBuilder(desired).build();
        assertThat(applier.apply(again, live(again))).isEqualTo(Outcome.UPDATED);
        ConfigMap repaired = live(again);
        assertThat(repaired.getData()).containsEntry("mode", "strict");
        assertThat(repaired.getMetadata().getLabels()).containsEntry("team", "ops");
        assertThat(applier.apply(new ConfigMapBuilder(desired).build(), repaired))
                .isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void anEditedListEntryIsReplacedWhereAnApplyCannotRemoveIt() {
        Service desired = new ServiceBuilder()
                .withNewMetadata()
                .withName("api")
                .withNamespace(namespace)
                .endMetadata()
                .withNewSpec()
                .withSelector(Map.of("app", "api"))
                .addNewPort()
                .withName("api")
                .withPort(24817)
                .endPort()
                .endSpec()
                .build();
        applier.apply(desired, null);
        admin.services().inNamespace(namespace).withName("api").edit(s -> {
            s.getSpec().getPorts().get(0).setPort(9999);
            return s;
        });
        Service again = new ServiceBuilder(desired).build();
        assertThat(applier.apply(again, live(again))).isEqualTo(Outcome.UPDATED);
        assertThat(live(again).getSpec().getPorts())
                .extracting(p -> p.getPort())
                .isEqualTo(List.of(24817));
    }
}
