package org.theforeman.operator.pulp.model;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.datastore.ManagedRedis;
import org.theforeman.operator.common.resources.StandardLabels;
import org.theforeman.operator.pulp.PulpNames;

/** The managed Redis-compatible cache (the suite's shared builder, {@link ManagedRedis}): no volume. */
public final class RedisDeployment {
    public static final String DEFAULT_IMAGE = ManagedRedis.DEFAULT_IMAGE;
    public static final String COMPONENT = ManagedRedis.COMPONENT;

    private RedisDeployment() {}

    public static Deployment desired(Pulp pulp) {
        return ManagedRedis.deployment(
                PulpMeta.owned(pulp, PulpNames.of(pulp).redis(), COMPONENT),
                StandardLabels.selector(pulp, PulpNames.APPLICATION, COMPONENT),
                pulp.getSpec().getCache());
    }
}
