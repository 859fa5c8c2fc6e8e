package org.theforeman.operator.common.resources;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategyBuilder;

/** How a Deployment replaces its pods. */
public final class RolloutStrategies {
    private RolloutStrategies() {}

    /** One new pod at a time, an old one removed only once a new one is ready: no loss of capacity. */
    public static DeploymentStrategy withoutUnavailability() {
        return new DeploymentStrategyBuilder()
                .withType("RollingUpdate")
                .withNewRollingUpdate()
                .withMaxUnavailable(new IntOrString(0))
                .withMaxSurge(new IntOrString(1))
                .endRollingUpdate()
                .build();
    }

    /** The old pods stop before new ones start: never two at once (a singleton such as an orchestrator). */
    public static DeploymentStrategy recreate() {
        return new DeploymentStrategyBuilder().withType("Recreate").build();
    }
}
