package org.theforeman.operator.pulp.model;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.resources.OpenShiftRoutes;
import org.theforeman.operator.pulp.PulpComponent;
import org.theforeman.operator.pulp.PulpInputs;
import org.theforeman.operator.pulp.PulpInputsResolver;
import org.theforeman.operator.pulp.PulpNames;

/**
 * OpenShift Routes of ingress_type route: one per path (/pulp/api/ and the content path) on the same host,
 * edge-terminated; with a web proxy both lead to it, the API's Route then taking every path but content.
 * Built as generic resources, so the operator needs no OpenShift client library.
 */
public final class PulpRoutes {
    public static final String API_VERSION = OpenShiftRoutes.API_VERSION;
    public static final String KIND = OpenShiftRoutes.KIND;

    private PulpRoutes() {}

    public static List<GenericKubernetesResource> desired(Pulp pulp, PulpInputs inputs) {
        PulpNames names = PulpNames.of(pulp);
        if (pulp.getSpec().getWeb() != null) {
            return List.of(
                    route(pulp, names.ingress() + "-api", "/", names.web(), WebDeployment.COMPONENT),
                    route(
                            pulp,
                            names.ingress() + "-content",
                            PulpInputsResolver.contentPath(inputs),
                            names.web(),
                            WebDeployment.COMPONENT));
        }
        return List.of(
                route(
                        pulp,
                        names.ingress() + "-api",
                        "/pulp/api/",
                        names.component(PulpComponent.API),
                        PulpComponent.API.id()),
                route(
                        pulp,
                        names.ingress() + "-content",
                        PulpInputsResolver.contentPath(inputs),
                        names.component(PulpComponent.CONTENT),
                        PulpComponent.CONTENT.id()));
    }

    private static GenericKubernetesResource route(Pulp pulp, String name, String path, String service, String port) {
        return OpenShiftRoutes.edge(
                PulpMeta.owned(pulp, name, "route"), pulp.getSpec().getRouteHost(), path, service, port);
    }
}
