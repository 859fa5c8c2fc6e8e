package org.theforeman.operator.common.resources;

import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import org.theforeman.operator.api.v1alpha1.ComponentSpec;

/** What a component's pod spec takes from its {@link ComponentSpec}, and what every managed pod shares. */
public final class ComponentPods {
    private ComponentPods() {}

    /**
     * A pod spec with the component's scheduling (node selector, tolerations, affinity, spread), no API token
     * (the suite's workloads do not call the Kubernetes API) and no service-link variables.
     */
    public static PodSpecBuilder scheduled(ComponentSpec settings) {
        return new PodSpecBuilder()
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withNodeSelector(settings.getNodeSelector())
                .withTolerations(settings.getTolerations())
                .withAffinity(settings.getAffinity())
                .withTopologySpreadConstraints(settings.getTopologySpreadConstraints());
    }
}
