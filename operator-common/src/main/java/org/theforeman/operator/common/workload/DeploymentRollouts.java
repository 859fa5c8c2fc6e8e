package org.theforeman.operator.common.workload;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.theforeman.operator.common.reconcile.ManagedObjects;

/** Applies a component's Deployment and records an event when that rolls its pods. */
public final class DeploymentRollouts {
    public static final String ROLLING_OUT = "RollingOut";

    private DeploymentRollouts() {}

    /** @return the Deployment as it now is (see {@link ManagedObjects#apply}) */
    public static Deployment apply(ManagedObjects<?> objects, Deployment desired) {
        Deployment before =
                objects.cached(Deployment.class, desired.getMetadata().getName());
        Deployment actual = objects.apply(desired);
        if (actual == desired && DeploymentReadiness.rolls(before, desired)) {
            objects.events()
                    .normal(
                            objects.primary(),
                            ROLLING_OUT,
                            "Rolling Deployment " + desired.getMetadata().getName() + " to a new pod template");
        }
        return actual;
    }
}
