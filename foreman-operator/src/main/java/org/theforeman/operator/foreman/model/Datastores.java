package org.theforeman.operator.foreman.model;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.common.datastore.ManagedPostgres;
import org.theforeman.operator.common.datastore.ManagedRedis;
import org.theforeman.operator.common.resources.ClusterServices;
import org.theforeman.operator.common.resources.EnvVars;
import org.theforeman.operator.foreman.ForemanNames;

/** The managed PostgreSQL and Redis of a Foreman (the shared builders of operator-common, named for it). */
public final class Datastores {
    private Datastores() {}

    /** Its claim follows deletion_policy: kept by default, deleted with the StatefulSet with Delete. */
    public static StatefulSet postgres(Foreman foreman) {
        ForemanNames names = ForemanNames.of(foreman);
        StatefulSet postgres = ManagedPostgres.statefulSet(
                ForemanMeta.owned(foreman, names.postgres(), ManagedPostgres.COMPONENT),
                ForemanMeta.selector(foreman, ManagedPostgres.COMPONENT),
                names.managedDatabaseSecret(),
                foreman.getSpec().getDatabase(),
                ForemanMeta.deletesData(foreman));
        // sclorg's image sets the superuser's password from it on every start (Candlepin's database is
        // created with it); always set, so that turning Katello on does not restart PostgreSQL.
        Container container =
                postgres.getSpec().getTemplate().getSpec().getContainers().get(0);
        List<EnvVar> env = new ArrayList<>(container.getEnv());
        env.add(EnvVars.fromSecret(
                "POSTGRESQL_ADMIN_PASSWORD", names.managedDatabaseSecret(), CandlepinObjects.ADMIN_PASSWORD_KEY));
        container.setEnv(env);
        return postgres;
    }

    public static Service postgresService(Foreman foreman) {
        return ClusterServices.clusterIp(
                ForemanMeta.owned(foreman, ForemanNames.of(foreman).postgres(), ManagedPostgres.COMPONENT),
                ForemanMeta.selector(foreman, ManagedPostgres.COMPONENT),
                "postgres",
                ManagedPostgres.PORT);
    }

    public static Deployment redis(Foreman foreman) {
        return ManagedRedis.deployment(
                ForemanMeta.owned(foreman, ForemanNames.of(foreman).redis(), ManagedRedis.COMPONENT),
                ForemanMeta.selector(foreman, ManagedRedis.COMPONENT),
                foreman.getSpec().getCache());
    }

    public static Service redisService(Foreman foreman) {
        return ClusterServices.clusterIp(
                ForemanMeta.owned(foreman, ForemanNames.of(foreman).redis(), ManagedRedis.COMPONENT),
                ForemanMeta.selector(foreman, ManagedRedis.COMPONENT),
                "redis",
                ManagedRedis.PORT);
    }
}
