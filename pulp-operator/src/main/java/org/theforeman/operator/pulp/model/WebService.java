package org.theforeman.operator.pulp.model;

import io.fabric8.kubernetes.api.model.Service;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.pulp.PulpNames;

/** The web reverse proxy's Service, port 8080. */
public final class WebService {
    private WebService() {}

    public static Service desired(Pulp pulp) {
        return Services.clusterIp(
                pulp, PulpNames.of(pulp).web(), WebDeployment.COMPONENT, WebDeployment.COMPONENT, WebConfigMap.PORT);
    }
}
