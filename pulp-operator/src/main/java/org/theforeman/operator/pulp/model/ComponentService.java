package org.theforeman.operator.pulp.model;

import io.fabric8.kubernetes.api.model.Service;
import org.theforeman.operator.api.v1alpha1.ExposureType;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.api.v1alpha1.PulpSpec;
import org.theforeman.operator.pulp.PulpComponent;
import org.theforeman.operator.pulp.PulpNames;

/**
 * The Service of the api or the content component. With ingress_type nodeport or loadbalancer the
 * Services themselves are exposed (the fixed nodeport_port goes to the content Service, which clients
 * download from).
 */
public final class ComponentService {
    private ComponentService() {}

    public static Service api(Pulp pulp) {
        return desired(pulp, PulpComponent.API);
    }

    public static Service content(Pulp pulp) {
        return desired(pulp, PulpComponent.CONTENT);
    }

    static Service desired(Pulp pulp, PulpComponent component) {
        PulpSpec spec = pulp.getSpec();
        ExposureType exposure = spec.getIngressType() == null ? ExposureType.none : spec.getIngressType();
        String type = switch (exposure) {
            case nodeport -> "NodePort";
            case loadbalancer -> "LoadBalancer";
            default -> "ClusterIP";
        };
        Integer nodePort =
                exposure == ExposureType.nodeport && component == PulpComponent.CONTENT ? spec.getNodeportPort() : null;
        return Services.of(
                pulp,
                PulpNames.of(pulp).component(component),
                component.id(),
                component.id(),
                component.port(),
                type,
                nodePort);
    }
}
