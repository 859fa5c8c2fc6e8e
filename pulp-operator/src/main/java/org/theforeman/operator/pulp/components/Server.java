package org.theforeman.operator.pulp.components;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.common.workload.DeploymentReadiness;
import org.theforeman.operator.common.workload.DeploymentRollouts;
import org.theforeman.operator.pulp.PulpComponent;
import org.theforeman.operator.pulp.PulpInputs;
import org.theforeman.operator.pulp.PulpNames;
import org.theforeman.operator.pulp.model.ApiDeployment;
import org.theforeman.operator.pulp.model.ComponentAutoscaler;
import org.theforeman.operator.pulp.model.ComponentDisruptionBudget;
import org.theforeman.operator.pulp.model.ComponentService;
import org.theforeman.operator.pulp.model.ContentDeployment;
import org.theforeman.operator.pulp.model.WorkerDeployment;

/**
 * One long-running part of Pulp (api, content or worker): its Deployment on the image the migration
 * allows, its optional autoscaler and disruption budget, and its Service.
 */
public final class Server {
    private Server() {}

    /**
     * @param podImage the image the pods may run now, or null while the first migration has not completed
     * @param podConfigHash the settings the pods may run now
     * @param heldTemplate the pod template to keep while a migration runs, or null
     */
    public static ComponentState reconcile(
            ManagedObjects<Pulp> objects,
            PulpInputs inputs,
            PulpComponent component,
            String podImage,
            String podConfigHash,
            PodTemplateSpec heldTemplate) {
        Pulp pulp = objects.primary();
        if (podImage == null) {
            return ComponentState.progressing(
                    component.condition(), "WaitingForMigration", "Deployed once the first migration completes.");
        }
        Deployment desired = switch (component) {
            case API -> ApiDeployment.desired(pulp, inputs, podImage, podConfigHash);
            case CONTENT -> ContentDeployment.desired(pulp, inputs, podImage, podConfigHash);
            case WORKER -> WorkerDeployment.desired(pulp, inputs, podImage, podConfigHash);
        };
        if (heldTemplate != null) {
            desired.getSpec().setTemplate(heldTemplate);
        }
        Deployment actual = DeploymentRollouts.apply(objects, desired);
        String name = PulpNames.of(pulp).component(component);
        objects.reconcile(HorizontalPodAutoscaler.class, name, ComponentAutoscaler.desired(pulp, component));
        objects.reconcile(PodDisruptionBudget.class, name, ComponentDisruptionBudget.desired(pulp, component));
        switch (component) {
            case API -> objects.apply(ComponentService.api(pulp));
            case CONTENT -> objects.apply(ComponentService.content(pulp));
            case WORKER -> {}
        }
        return DeploymentReadiness.of(component.condition(), actual, inputs.image());
    }
}
