package org.theforeman.operator.foreman.components;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import org.theforeman.operator.api.v1alpha1.ConditionTypes.ForemanConditions;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.common.status.ComponentState.Phase;
import org.theforeman.operator.common.workload.DeploymentReadiness;
import org.theforeman.operator.common.workload.DeploymentRollouts;
import org.theforeman.operator.foreman.DynflowRole;
import org.theforeman.operator.foreman.ForemanInputs;
import org.theforeman.operator.foreman.Release;
import org.theforeman.operator.foreman.model.DynflowDeployment;

/**
 * Dynflow: the orchestrator, the workers and the hosts_queue worker, on the release the migration allows.
 * Ready when all three are; otherwise the condition says which is not.
 */
public final class Dynflow {
    private Dynflow() {}

    public static ComponentState reconcile(
            ManagedObjects<Foreman> objects, ForemanInputs inputs, Release release, String configHash) {
        if (release == null) {
            return ComponentState.progressing(
                    ForemanConditions.DYNFLOW_READY,
                    "WaitingForMigration",
                    "Deployed once the first migration completes.");
        }
        List<String> pods = new ArrayList<>();
        ComponentState notReady = null;
        for (DynflowRole role : DynflowRole.values()) {
            Deployment deployment = DeploymentRollouts.apply(
                    objects, DynflowDeployment.desired(objects.primary(), inputs, role, release, configHash));
            ComponentState state = DeploymentReadiness.of(
                    ForemanConditions.DYNFLOW_READY,
                    deployment,
                    inputs.release().image());
            if (notReady == null && state.phase() != Phase.READY) {
                notReady = state;
            }
            pods.add(role.id() + " " + DeploymentReadiness.readyPods(deployment) + "/"
                    + DynflowDeployment.replicas(objects.primary(), role));
        }
        return notReady != null
                ? notReady
                : ComponentState.ready(ForemanConditions.DYNFLOW_READY, "Available", String.join(", ", pods) + ".");
    }
}
