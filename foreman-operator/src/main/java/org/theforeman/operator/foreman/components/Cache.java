package org.theforeman.operator.foreman.components;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.theforeman.operator.api.v1alpha1.ConditionTypes.ForemanConditions;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.common.datastore.ManagedRedis;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.common.workload.DeploymentReadiness;
import org.theforeman.operator.foreman.ForemanInputs;
import org.theforeman.operator.foreman.ForemanNames;
import org.theforeman.operator.foreman.model.Datastores;

/** Redis for the Rails cache and Dynflow's queues: the user's external one, or a managed Deployment. */
public final class Cache {
    private Cache() {}

    public static ComponentState reconcile(ManagedObjects<Foreman> objects, ForemanInputs inputs) {
        Foreman foreman = objects.primary();
        String name = ForemanNames.of(foreman).redis();
        if (!inputs.managedRedis()) {
            objects.deleteIfPresent(Deployment.class, name);
            objects.deleteIfPresent(Service.class, name);
            return ComponentState.ready(
                    ForemanConditions.CACHE_READY,
                    "ExternalCache",
                    "Using the external Redis of Secret "
                            + foreman.getSpec().getCache().getExternalCacheSecret() + ".");
        }
        objects.apply(Datastores.redisService(foreman));
        Deployment redis = objects.apply(Datastores.redis(foreman));
        return DeploymentReadiness.of(ForemanConditions.CACHE_READY, redis, DeploymentReadiness.image(redis));
    }

    /** Where the pods reach Redis. */
    public static ForemanInputs.Redis connection(Foreman foreman, ForemanInputs inputs) {
        return inputs.managedRedis()
                ? new ForemanInputs.Redis(ForemanNames.of(foreman).redis(), Integer.toString(ManagedRedis.PORT), null)
                : inputs.externalRedis();
    }
}
