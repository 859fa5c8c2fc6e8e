package org.theforeman.operator.pulp.model;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.api.v1alpha1.PulpSpec;
import org.theforeman.operator.pulp.PulpComponent;
import org.theforeman.operator.pulp.PulpInputs;
import org.theforeman.operator.pulp.PulpInputsResolver;
import org.theforeman.operator.pulp.PulpNames;

/**
 * OpenShift Routes of ingress_type route: one per path (/pulp/api/ and the content path) on the same host,
 * edge-terminated. Built as generic resources, so the operator needs no OpenShift client library.
 */
public final class PulpRoutes {
    public static final String API_VERSION = "route.openshift.io/v1";
    public static final String KIND = "Route";

    private PulpRoutes() {}

    public static List<GenericKubernetesResource> desired(Pulp pulp, PulpInputs inputs) {
        PulpNames names = PulpNames.of(pulp);
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
        PulpSpec spec = pulp.getSpec();
        Map<String, Object> routeSpec = new LinkedHashMap<>();
        if (spec.getRouteHost() != null) {
            routeSpec.put("host", spec.getRouteHost());
        }
        routeSpec.put("path", path);
        routeSpec.put("to", Map.of("kind", "Service", "name", service, "weight", 100));
        routeSpec.put("port", Map.of("targetPort", port));
        routeSpec.put("tls", Map.of("termination", "edge", "insecureEdgeTerminationPolicy", "Redirect"));
        return new GenericKubernetesResourceBuilder()
                .withApiVersion(API_VERSION)
                .withKind(KIND)
                .withMetadata(PulpMeta.owned(pulp, name, "route"))
                .withAdditionalProperties(Map.of("spec", routeSpec))
                .build();
    }
}
