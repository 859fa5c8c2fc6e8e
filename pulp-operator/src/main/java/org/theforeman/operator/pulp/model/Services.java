package org.theforeman.operator.pulp.model;

import io.fabric8.kubernetes.api.model.Service;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.resources.ClusterServices;
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
        return ClusterServices.of(
                PulpMeta.owned(pulp, name, component),
                StandardLabels.selector(pulp, PulpNames.APPLICATION, component),
                portName,
                port,
                type,
                nodePort);
    }
}
