package org.theforeman.operator.pulp.model;

import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import org.theforeman.operator.api.v1alpha1.DisruptionBudgetSpec;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.resources.StandardLabels;
import org.theforeman.operator.pulp.PulpComponent;
import org.theforeman.operator.pulp.PulpNames;

/** A PodDisruptionBudget for a component whose spec asks for one. */
public final class ComponentDisruptionBudget {
    private ComponentDisruptionBudget() {}

    /** Null when the component has no pdb. */
    public static PodDisruptionBudget desired(Pulp pulp, PulpComponent component) {
        DisruptionBudgetSpec pdb = component.settings(pulp.getSpec()).getPdb();
        if (pdb == null) {
            return null;
        }
        return new PodDisruptionBudgetBuilder()
                .withMetadata(PulpMeta.owned(pulp, PulpNames.of(pulp).component(component), component.id()))
                .withNewSpec()
                .withMinAvailable(pdb.getMinAvailable())
                .withMaxUnavailable(pdb.getMaxUnavailable())
                .withNewSelector()
                .withMatchLabels(StandardLabels.selector(pulp, PulpNames.APPLICATION, component.id()))
                .endSelector()
                .endSpec()
                .build();
    }
}
