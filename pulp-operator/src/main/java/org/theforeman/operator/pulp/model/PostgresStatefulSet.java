package org.theforeman.operator.pulp.model;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.datastore.ManagedPostgres;
import org.theforeman.operator.common.resources.StandardLabels;
import org.theforeman.operator.pulp.PulpNames;

/**
 * The managed PostgreSQL (the suite's shared builder, {@link ManagedPostgres}), one replica with its data
 * on a claim from a volume claim template: such claims outlive the StatefulSet, so deleting the Pulp
 * keeps the database.
 */
public final class PostgresStatefulSet {
    public static final String DEFAULT_IMAGE = ManagedPostgres.DEFAULT_IMAGE;
    public static final String DEFAULT_SIZE = ManagedPostgres.DEFAULT_SIZE;
    public static final String COMPONENT = ManagedPostgres.COMPONENT;

    private PostgresStatefulSet() {}

    public static StatefulSet desired(Pulp pulp) {
        PulpNames names = PulpNames.of(pulp);
        return ManagedPostgres.statefulSet(
                PulpMeta.owned(pulp, names.postgres(), COMPONENT),
                StandardLabels.selector(pulp, PulpNames.APPLICATION, COMPONENT),
                names.managedDatabaseSecret(),
                pulp.getSpec().getDatabase(),
                false);
    }
}
