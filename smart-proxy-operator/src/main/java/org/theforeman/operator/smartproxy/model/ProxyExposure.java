package org.theforeman.operator.smartproxy.model;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.ExposureType;
import org.theforeman.operator.api.v1alpha1.IngressSpec;
import org.theforeman.operator.api.v1alpha1.SmartProxy;
import org.theforeman.operator.common.resources.Ingresses;
import org.theforeman.operator.common.resources.ManagedMetadata;
import org.theforeman.operator.common.resources.OpenShiftRoutes;

/**
 * The proxy outside the cluster. TLS passes through to the proxy: Foreman authenticates to it with a client
 * certificate, which a terminating ingress would drop. The Ingress asks ingress-nginx for passthrough (other
 * controllers need their own annotations, through ingress.annotations); the Route uses passthrough.
 */
public final class ProxyExposure {
    public static final String ROUTE_API_VERSION = OpenShiftRoutes.API_VERSION;
    public static final String ROUTE_KIND = OpenShiftRoutes.KIND;

    private ProxyExposure() {}

    /** The Ingress of ingress.type ingress, or null. */
    public static Ingress ingress(SmartProxy proxy) {
        IngressSpec spec = proxy.getSpec().getIngress();
        if (spec == null || spec.getType() != ExposureType.ingress) {
            return null;
        }
        ObjectMeta metadata = ProxyMeta.owned(proxy, ProxyNames.of(proxy).proxy(), "ingress");
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("nginx.ingress.kubernetes.io/ssl-passthrough", "true");
        annotations.put("nginx.ingress.kubernetes.io/backend-protocol", "HTTPS");
        ManagedMetadata.addUserAnnotations(metadata, annotations);
        ManagedMetadata.addUserAnnotations(metadata, spec.getAnnotations());
        return Ingresses.toService(
                metadata,
                spec.getClassName(),
                spec.getHost(),
                null,
                ProxyNames.of(proxy).proxy(),
                "https");
    }

    /** The Route of ingress.type route, or null. */
    public static GenericKubernetesResource route(SmartProxy proxy) {
        IngressSpec spec = proxy.getSpec().getIngress();
        if (spec == null || spec.getType() != ExposureType.route) {
            return null;
        }
        ObjectMeta metadata = ProxyMeta.owned(proxy, ProxyNames.of(proxy).proxy(), "route");
        ManagedMetadata.addUserAnnotations(metadata, spec.getAnnotations());
        return OpenShiftRoutes.passthrough(
                metadata, spec.getHost(), ProxyNames.of(proxy).proxy(), "https");
    }
}
