package org.theforeman.operator.foreman.components;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.workload.DeploymentReadiness;

/** Applies a Deployment of Foreman's pods and says so in an event when that rolls them. */
final class Rollouts {
    private Rollouts() {}

    static Deployment apply(ManagedObjects<Foreman> objects, Deployment desired) {
        Deployment before =
                objects.cached(Deployment.class, desired.getMetadata().getName());
        Deployment actual = objects.apply(desired);
        if (actual == desired && DeploymentReadiness.rolls(before, desired)) {
            objects.events()
                    .normal(
                            objects.primary(),
                            "RollingOut",
                            "Rolling Deployment " + desired.getMetadata().getName() + " to a new pod template");
        }
        return actual;
    }
}
