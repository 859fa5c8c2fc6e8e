package org.theforeman.operator.pulp.model;

import io.fabric8.kubernetes.api.model.Service;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.pulp.PulpNames;
import org.theforeman.operator.pulp.PulpPods;

/** The managed cache's Service. */
public final class RedisService {
    private RedisService() {}

    public static Service desired(Pulp pulp) {
        return Services.clusterIp(
                pulp, PulpNames.of(pulp).redis(), RedisDeployment.COMPONENT, "redis", PulpPods.REDIS_PORT);
    }
}
