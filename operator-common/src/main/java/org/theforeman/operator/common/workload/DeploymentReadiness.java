package org.theforeman.operator.common.workload;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import java.util.Objects;
import org.theforeman.operator.common.resources.ConfigHash;
import org.theforeman.operator.common.status.ComponentState;

/**
 * The state of a Deployment as a component condition: ready only when the controller has seen the
 * current spec, every wanted replica is updated and available, no old pod is left, and the pods run the
 * image the spec asks for (a Deployment held on the old image while a migration runs or failed is not
 * ready, though it serves).
 */
public final class DeploymentReadiness {
    private DeploymentReadiness() {}

    /**
     * @param conditionType the component's condition, e.g. {@code APIReady}
     * @param deployment the Deployment as last applied or cached
     * @param wantedImage the image the spec asks for
     */
    public static ComponentState of(String conditionType, Deployment deployment, String wantedImage) {
        String name = deployment.getMetadata().getName();
        var status = deployment.getStatus();
        int wanted = deployment.getSpec().getReplicas() == null
                ? 1
                : deployment.getSpec().getReplicas();
        if (status == null
                || status.getObservedGeneration() == null
                || status.getObservedGeneration() < deployment.getMetadata().getGeneration()) {
            return ComponentState.progressing(conditionType, "RollingOut", "Deployment " + name + " is being updated.");
        }
        int updated = Objects.requireNonNullElse(status.getUpdatedReplicas(), 0);
        int available = Objects.requireNonNullElse(status.getAvailableReplicas(), 0);
        int total = Objects.requireNonNullElse(status.getReplicas(), 0);
        if (updated < wanted || available < wanted || total > wanted) {
            return ComponentState.progressing(
                    conditionType,
                    "RollingOut",
                    "Deployment " + name + ": " + available + "/" + wanted + " available, " + updated + " updated.");
        }
        String image = image(deployment);
        if (!image.equals(wantedImage)) {
            return ComponentState.progressing(
                    conditionType,
                    "WaitingForMigration",
                    "Deployment " + name + " runs " + image + " until the migration to " + wantedImage + " completes.");
        }
        return ComponentState.ready(
                conditionType, "Available", "Deployment " + name + ": " + available + "/" + wanted + " available.");
    }

    /** Ready pods of a Deployment that may not exist (yet). */
    public static int readyPods(Deployment deployment) {
        return deployment == null
                        || deployment.getStatus() == null
                        || deployment.getStatus().getReadyReplicas() == null
                ? 0
                : deployment.getStatus().getReadyReplicas();
    }

    /** The image of the first container: the component's own (init containers and sidecars come after). */
    public static String image(Deployment deployment) {
        return deployment
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage();
    }

    /**
     * Whether applying {@code desired} over {@code before} rolls the pods: a new image or a new config
     * hash (the two things a rollout is made of here; other template fields follow the spec too).
     */
    public static boolean rolls(Deployment before, Deployment desired) {
        if (before == null) {
            return false;
        }
        PodTemplateSpec was = before.getSpec().getTemplate();
        PodTemplateSpec will = desired.getSpec().getTemplate();
        return !Objects.equals(image(before), image(desired))
                || !Objects.equals(
                        configHash(was.getMetadata().getAnnotations()),
                        configHash(will.getMetadata().getAnnotations()));
    }

    private static String configHash(Map<String, String> annotations) {
        return annotations == null ? null : annotations.get(ConfigHash.ANNOTATION);
    }
}
