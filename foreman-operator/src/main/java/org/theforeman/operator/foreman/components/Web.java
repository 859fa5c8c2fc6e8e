package org.theforeman.operator.foreman.components;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.theforeman.operator.api.v1alpha1.ConditionTypes.ForemanConditions;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.common.workload.DeploymentReadiness;
import org.theforeman.operator.common.workload.DeploymentRollouts;
import org.theforeman.operator.foreman.ForemanInputs;
import org.theforeman.operator.foreman.Release;
import org.theforeman.operator.foreman.model.WebDeployment;

/** The web (puma) pods of the release the migration allows. */
public final class Web {
    private Web() {}

    /** @param release the release the pods may run, or null while the first migration has not completed */
    public static ComponentState reconcile(
            ManagedObjects<Foreman> objects, ForemanInputs inputs, Release release, String configHash) {
        if (release == null) {
            return ComponentState.progressing(
                    ForemanConditions.WEB_READY, "WaitingForMigration", "Deployed once the first migration completes.");
        }
        Deployment web = DeploymentRollouts.apply(
                objects, WebDeployment.desired(objects.primary(), inputs, release, configHash));
        return DeploymentReadiness.of(
                ForemanConditions.WEB_READY, web, inputs.release().image());
    }
}
