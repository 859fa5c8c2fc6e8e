package org.theforeman.operator.pulp.model;

import io.fabric8.kubernetes.api.model.Service;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.pulp.PulpNames;

/** The managed PostgreSQL's Service. */
public final class PostgresService {
    public static final int PORT = 5432;

    private PostgresService() {}

    public static Service desired(Pulp pulp) {
        return Services.clusterIp(pulp, PulpNames.of(pulp).postgres(), PostgresStatefulSet.COMPONENT, "postgres", PORT);
    }
}
