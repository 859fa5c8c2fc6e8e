package org.theforeman.operator.pulp.components;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.theforeman.operator.api.v1alpha1.ConditionTypes.PulpConditions;
import org.theforeman.operator.api.v1alpha1.ExposureType;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.resources.OpenShiftRoutes;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.pulp.PulpInputs;
import org.theforeman.operator.pulp.PulpNames;
import org.theforeman.operator.pulp.model.PulpIngress;
import org.theforeman.operator.pulp.model.PulpRoutes;

/** Exposure outside the cluster: an Ingress, or Routes where OpenShift serves them. */
public final class Exposure {
    private Exposure() {}

    public static final String CONTENT_ORIGIN_GUESSED = "ContentOriginNotDerived";

    /**
     * @return ExposureReady with ingress_type route, or when CONTENT_ORIGIN cannot be derived (saying so),
     *     else null (nothing to report)
     */
    public static ComponentState reconcile(ManagedObjects<Pulp> objects, PulpInputs inputs) {
        Pulp pulp = objects.primary();
        ExposureType exposure = pulp.getSpec().getIngressType() == null
                ? ExposureType.none
                : pulp.getSpec().getIngressType();
        objects.reconcile(
                Ingress.class,
                PulpNames.of(pulp).ingress(),
                exposure == ExposureType.ingress ? PulpIngress.desired(pulp, inputs) : null);
        ComponentState routes = exposure == ExposureType.route
                ? OpenShiftRoutes.apply(
                        objects, PulpRoutes.desired(pulp, inputs), PulpConditions.EXPOSURE_READY, "ingress_type route")
                : null;
        if (inputs.contentOriginNote() != null && (routes == null || routes.phase() == ComponentState.Phase.READY)) {
            return ComponentState.ready(
                    PulpConditions.EXPOSURE_READY, CONTENT_ORIGIN_GUESSED, inputs.contentOriginNote());
        }
        return routes;
    }
}
