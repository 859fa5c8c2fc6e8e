package org.theforeman.operator.pulp.model;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.resources.StandardLabels;
import org.theforeman.operator.pulp.PulpNames;

/** Service shapes shared by Pulp's Services. */
final class Services {
    private Services() {}

    static Service clusterIp(Pulp pulp, String name, String component, String portName, int port) {
        return of(pulp, name, component, portName, port, "ClusterIP", null);
    }

    static Service of(
            Pulp pulp, String name, String component, String portName, int port, String type, Integer nodePort) {
        return new ServiceBuilder()
                .withMetadata(PulpMeta.owned(pulp, name, component))
                .withNewSpec()
                .withType(type)
                .withSelector(StandardLabels.selector(pulp, PulpNames.APPLICATION, component))
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
