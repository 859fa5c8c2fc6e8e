package org.theforeman.operator.foreman.components;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
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
        if (!objects.client().supports(OpenShiftRoutes.API_VERSION, OpenShiftRoutes.KIND)) {
            return ComponentState.failed(
                    ForemanConditions.EXPOSURE_READY,
                    "RouteAPIUnavailable",
                    "ingress.type route needs OpenShift's " + OpenShiftRoutes.API_VERSION
                            + " API, which this cluster does not serve; use ingress, nodeport or loadbalancer");
        }
        GenericKubernetesResource route = WebExposure.route(foreman);
        GenericKubernetesResource actual = objects.client()
                .genericKubernetesResources(OpenShiftRoutes.API_VERSION, OpenShiftRoutes.KIND)
                .inNamespace(objects.namespace())
                .withName(name)
                .get();
        objects.applier().apply(route, actual);
        return ComponentState.ready(ForemanConditions.EXPOSURE_READY, "RouteApplied", "Route " + name + " is applied.");
    }
}
