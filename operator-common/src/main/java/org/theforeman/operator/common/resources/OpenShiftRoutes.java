package org.theforeman.operator.common.resources;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.status.ComponentState;

/**
 * OpenShift Routes, built as generic resources so that no operator needs an OpenShift client library.
 * Whether the cluster serves them is checked with {@code client.supports(API_VERSION, KIND)}.
 */
public final class OpenShiftRoutes {
    public static final String API_VERSION = "route.openshift.io/v1";
    public static final String KIND = "Route";

    private OpenShiftRoutes() {}

    /**
     * An edge-terminated Route (HTTP redirected to HTTPS) to a Service's named port.
     *
     * @param host the host name, or null to let the router assign one
     */
    public static GenericKubernetesResource edge(
            ObjectMeta metadata, String host, String path, String service, String targetPort) {
        return route(
                metadata,
                host,
                path,
                service,
                targetPort,
                Map.of("termination", "edge", "insecureEdgeTerminationPolicy", "Redirect"));
    }

    /** A Route that passes TLS through to a Service's named port (the service terminates it itself). */
    public static GenericKubernetesResource passthrough(
            ObjectMeta metadata, String host, String service, String targetPort) {
        return route(metadata, host, null, service, targetPort, Map.of("termination", "passthrough"));
    }

    private static GenericKubernetesResource route(
            ObjectMeta metadata, String host, String path, String service, String targetPort, Map<String, String> tls) {
        Map<String, Object> spec = new LinkedHashMap<>();
        if (host != null) {
            spec.put("host", host);
        }
        if (path != null) {
            spec.put("path", path);
        }
        spec.put("to", Map.of("kind", "Service", "name", service, "weight", 100));
        spec.put("port", Map.of("targetPort", targetPort));
        spec.put("tls", tls);
        return new GenericKubernetesResourceBuilder()
                .withApiVersion(API_VERSION)
                .withKind(KIND)
                .withMetadata(metadata)
                .withAdditionalProperties(Map.of("spec", spec))
                .build();
    }

    /**
     * Applies {@code routes} (read through the API: Routes have no informer) where the cluster serves the
     * Route API; elsewhere nothing is written and the condition says why and what to use instead.
     *
     * @param conditionType the exposure condition, e.g. ExposureReady
     * @param field how the spec asked for Routes, for the message (e.g. "ingress_type route")
     */
    public static ComponentState apply(
            ManagedObjects<?> objects, List<GenericKubernetesResource> routes, String conditionType, String field) {
        if (!objects.client().supports(API_VERSION, KIND)) {
            return ComponentState.failed(
                    conditionType,
                    "RouteAPIUnavailable",
                    field + " needs OpenShift's " + API_VERSION + " API, which this cluster does not serve;"
                            + " use ingress, nodeport or loadbalancer");
        }
        for (GenericKubernetesResource route : routes) {
            GenericKubernetesResource actual = objects.client()
                    .genericKubernetesResources(API_VERSION, KIND)
                    .inNamespace(objects.namespace())
                    .withName(route.getMetadata().getName())
                    .get();
            objects.applier().apply(route, actual);
        }
        return ComponentState.ready(conditionType, "RoutesApplied", "Routes are applied.");
    }
}
