package org.theforeman.operator.pulp.model;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.ComponentSpec;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.resources.ConfigHash;
import org.theforeman.operator.common.resources.ManagedMetadata;
import org.theforeman.operator.common.resources.RolloutStrategies;
import org.theforeman.operator.common.resources.StandardLabels;
import org.theforeman.operator.pulp.PulpComponent;
import org.theforeman.operator.pulp.PulpInputs;
import org.theforeman.operator.pulp.PulpNames;
import org.theforeman.operator.pulp.PulpPods;

/**
 * The Deployment shape shared by api, content and worker: rolling updates that never take a serving pod
 * away before its replacement is ready, and the config-hash annotation that rolls pods on a settings
 * change.
 */
final class PulpDeployment {
    private PulpDeployment() {}

    /**
     * @param image the image the pods run: the migrated one, which may lag behind the spec's while a
     *     migration runs
     * @param configHash the settings hash the pods run, which lags behind too
     */
    static Deployment desired(
            Pulp pulp,
            PulpInputs inputs,
            PulpComponent component,
            String image,
            String configHash,
            List<String> command,
            Probe readiness,
            Probe liveness) {
        ComponentSpec settings = component.settings(pulp.getSpec());
        Map<String, String> selector = StandardLabels.selector(pulp, PulpNames.APPLICATION, component.id());
        String name = PulpNames.of(pulp).component(component);
        var metadata = PulpMeta.owned(pulp, name, component.id());
        Map<String, String> podLabels = StandardLabels.withUserLabels(settings.getPodLabels(), metadata.getLabels());
        ContainerBuilder container = new ContainerBuilder(
                        PulpPods.container(pulp, inputs, component.id(), settings, command))
                .withImage(settings.getImage() != null ? settings.getImage() : image)
                .withReadinessProbe(readiness)
                .withLivenessProbe(liveness);
        if (component.port() > 0) {
            container
                    .addNewPort()
                    .withName(component.id())
                    .withContainerPort(component.port())
                    .withProtocol("TCP")
                    .endPort();
        }
        Container built = container.build();
        ManagedMetadata.addUserAnnotations(metadata, settings.getDeploymentAnnotations());
        return new DeploymentBuilder()
                .withMetadata(metadata)
                .withNewSpec()
                // With an HPA the autoscaler owns the count; writing it here would fight the autoscaler.
                .withReplicas(settings.getHpa() != null ? null : component.replicas(pulp.getSpec()))
                .withNewSelector()
                .withMatchLabels(selector)
                .endSelector()
                .withStrategy(RolloutStrategies.withoutUnavailability())
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(podLabels)
                .addToAnnotations(ConfigHash.ANNOTATION, configHash)
                .addToAnnotations(PulpPods.STORAGE_ANNOTATION, inputs.storage().name())
                .endMetadata()
                .withSpec(
                        PulpPods.podSpec(pulp, inputs, settings, List.of(built)).build())
                .endTemplate()
                .endSpec()
                .build();
    }

    static Probe httpProbe(String path, int port, int periodSeconds, int failureThreshold, int initialDelaySeconds) {
        return new ProbeBuilder()
                .withNewHttpGet()
                .withPath(path)
                .withNewPort(port)
                .endHttpGet()
                .withPeriodSeconds(periodSeconds)
                .withTimeoutSeconds(10)
                .withFailureThreshold(failureThreshold)
                .withInitialDelaySeconds(initialDelaySeconds)
                .build();
    }
}
