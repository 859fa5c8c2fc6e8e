package org.theforeman.operator.pulp.model;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import org.theforeman.operator.api.v1alpha1.DeletionPolicy;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.resources.ManagedMetadata;
import org.theforeman.operator.common.resources.ManagedMetadata.Lifecycle;
import org.theforeman.operator.pulp.PulpNames;
import org.theforeman.operator.pulp.PulpOperator;

/** Metadata of Pulp's managed objects. */
final class PulpMeta {
    private PulpMeta() {}

    static ObjectMeta owned(Pulp pulp, String name, String component) {
        return ManagedMetadata.of(pulp, name, PulpNames.APPLICATION, component, PulpOperator.NAME, Lifecycle.OWNED);
    }

    /** Data (claims, generated credentials): kept when the Pulp is deleted unless deletion_policy is Delete. */
    static ObjectMeta data(Pulp pulp, String name, String component) {
        Lifecycle lifecycle =
                pulp.getSpec().getDeletionPolicy() == DeletionPolicy.Delete ? Lifecycle.OWNED : Lifecycle.RETAINED;
        return ManagedMetadata.of(pulp, name, PulpNames.APPLICATION, component, PulpOperator.NAME, lifecycle);
    }
}
