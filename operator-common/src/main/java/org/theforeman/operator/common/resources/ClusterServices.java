package org.theforeman.operator.common.resources;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.Map;

/** A Service with one TCP port in front of the pods of one component. */
public final class ClusterServices {
    private ClusterServices() {}

    public static Service clusterIp(ObjectMeta metadata, Map<String, String> selector, String portName, int port) {
        return of(metadata, selector, portName, port, "ClusterIP", null);
    }

    /**
     * @param type ClusterIP, NodePort or LoadBalancer
     * @param nodePort a fixed node port, or null to let Kubernetes allocate one (NodePort, LoadBalancer)
     */
    public static Service of(
            ObjectMeta metadata,
            Map<String, String> selector,
            String portName,
            int port,
            String type,
            Integer nodePort) {
        return new ServiceBuilder()
                .withMetadata(metadata)
                .withNewSpec()
                .withType(type)
                .withSelector(selector)
                .addNewPort()
                .withName(portName)
                .withProtocol("TCP")
                .withPort(port)
                .withTargetPort(new IntOrString(port))
                .withNodePort(nodePort)
                .endPort()
                .endSpec()
                .build();
    }
}
