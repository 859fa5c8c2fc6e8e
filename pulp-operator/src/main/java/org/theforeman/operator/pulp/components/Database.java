package org.theforeman.operator.pulp.components;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.theforeman.operator.api.v1alpha1.ConditionTypes.PulpConditions;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.pulp.PulpInputs;
import org.theforeman.operator.pulp.PulpNames;
import org.theforeman.operator.pulp.model.PostgresService;
import org.theforeman.operator.pulp.model.PostgresStatefulSet;

/** PostgreSQL: the user's external database, or a managed StatefulSet with a retained claim. */
public final class Database {
    private Database() {}

    public static ComponentState reconcile(ManagedObjects<Pulp> objects, PulpInputs inputs) {
        if (!inputs.managedDatabase()) {
            return ComponentState.ready(
                    PulpConditions.DATABASE_READY,
                    "ExternalDatabase",
                    "Using the external database of Secret " + inputs.databaseSecret() + ".");
        }
        Pulp pulp = objects.primary();
        String name = PulpNames.of(pulp).postgres();
        objects.apply(PostgresService.desired(pulp));
        StatefulSet statefulSet = objects.apply(PostgresStatefulSet.desired(pulp));
        boolean ready = statefulSet != null
                && statefulSet.getStatus() != null
                && statefulSet.getStatus().getReadyReplicas() != null
                && statefulSet.getStatus().getReadyReplicas() >= 1;
        return ready
                ? ComponentState.ready(
                        PulpConditions.DATABASE_READY,
                        "ManagedDatabaseReady",
                        "PostgreSQL StatefulSet " + name + " is ready.")
                : ComponentState.progressing(
                        PulpConditions.DATABASE_READY,
                        "ManagedDatabaseStarting",
                        "Waiting for PostgreSQL StatefulSet " + name + ".");
    }
}
