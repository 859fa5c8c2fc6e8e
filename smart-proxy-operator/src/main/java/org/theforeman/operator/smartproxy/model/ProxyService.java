package org.theforeman.operator.smartproxy.model;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import org.theforeman.operator.api.v1alpha1.ExposureType;
import org.theforeman.operator.api.v1alpha1.IngressSpec;
import org.theforeman.operator.api.v1alpha1.ServiceSpec;
import org.theforeman.operator.api.v1alpha1.SmartProxy;
import org.theforeman.operator.common.resources.ManagedMetadata;
import org.theforeman.operator.common.resources.StandardLabels;

/** The proxy's HTTPS Service (service.type, or the ingress type nodeport/loadbalancer). */
public final class ProxyService {
    private ProxyService() {}

    public static Service desired(SmartProxy proxy) {
        ServiceSpec service = proxy.getSpec().getService();
        IngressSpec ingress = proxy.getSpec().getIngress();
        ExposureType exposure = ingress == null || ingress.getType() == null ? ExposureType.none : ingress.getType();
        String type = switch (exposure) {
            case nodeport -> "NodePort";
            case loadbalancer -> "LoadBalancer";
            default ->
                service == null || service.getType() == null
                        ? "ClusterIP"
                        : service.getType().name();
        };
        ObjectMeta metadata = ProxyMeta.owned(proxy, ProxyNames.of(proxy).proxy(), ProxyNames.COMPONENT);
        if (service != null) {
            ManagedMetadata.addUserAnnotations(metadata, service.getAnnotations());
        }
        Integer nodePort = exposure == ExposureType.nodeport ? ingress.getNodeportPort() : null;
        return new ServiceBuilder()
                .withMetadata(metadata)
                .withNewSpec()
                .withType(type)
                .withSelector(StandardLabels.selector(proxy, ProxyNames.APPLICATION, ProxyNames.COMPONENT))
                .addNewPort()
                .withName("https")
                .withProtocol("TCP")
                .withPort(ProxyEndpoint.servicePort(proxy.getSpec()))
                .withTargetPort(new IntOrString("https"))
                .withNodePort(nodePort)
                .endPort()
                .endSpec()
                .build();
    }
}
