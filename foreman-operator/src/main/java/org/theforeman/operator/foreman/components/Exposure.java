package org.theforeman.operator.foreman.components;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.List;
import org.theforeman.operator.api.v1alpha1.ConditionTypes.ForemanConditions;
import org.theforeman.operator.api.v1alpha1.ExposureType;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.resources.OpenShiftRoutes;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.foreman.ForemanNames;
import org.theforeman.operator.foreman.model.WebExposure;

/**
 * The web Service (always: the suite reaches Foreman through it) and what ingress.type asks for. A Route
 * on a cluster that does not serve OpenShift's Route API is reported, not ignored.
 *
 * @return the ExposureReady state with type route, else null (nothing to report)
 */
public final class Exposure {
    private Exposure() {}

    public static ComponentState reconcile(ManagedObjects<Foreman> objects) {
        Foreman foreman = objects.primary();
        ExposureType type = WebExposure.type(foreman);
        objects.apply(WebExposure.webService(foreman));
        String name = ForemanNames.of(foreman).ingress();
        objects.reconcile(Ingress.class, name, type == ExposureType.ingress ? WebExposure.ingress(foreman) : null);
        if (type != ExposureType.route) {
            return null;
        }
        return OpenShiftRoutes.apply(
                objects, List.of(WebExposure.route(foreman)), ForemanConditions.EXPOSURE_READY, "ingress.type route");
    }
}
