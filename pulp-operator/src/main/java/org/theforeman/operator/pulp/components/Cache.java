package org.theforeman.operator.pulp.components;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.pulp.PulpInputs;
import org.theforeman.operator.pulp.PulpNames;
import org.theforeman.operator.pulp.model.RedisDeployment;
import org.theforeman.operator.pulp.model.RedisService;

/**
 * Redis for the content cache: managed while cache.enabled is set without an external Secret, removed
 * when turned off (it holds nothing that must survive: a cache).
 */
public final class Cache {
    private Cache() {}

    public static void reconcile(ManagedObjects<Pulp> objects, PulpInputs inputs) {
        Pulp pulp = objects.primary();
        boolean managed = inputs.cache() == PulpInputs.Cache.MANAGED;
        String name = PulpNames.of(pulp).redis();
        objects.reconcile(Service.class, name, managed ? RedisService.desired(pulp) : null);
        objects.reconcile(Deployment.class, name, managed ? RedisDeployment.desired(pulp) : null);
    }
}
