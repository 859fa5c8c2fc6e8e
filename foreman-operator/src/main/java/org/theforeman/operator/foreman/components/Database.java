package org.theforeman.operator.foreman.components;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.theforeman.operator.api.v1alpha1.ConditionTypes.ForemanConditions;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.common.datastore.ManagedPostgres;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.foreman.ForemanInputs;
import org.theforeman.operator.foreman.ForemanNames;
import org.theforeman.operator.foreman.model.CredentialSecrets;
import org.theforeman.operator.foreman.model.Datastores;

/**
 * PostgreSQL: the user's external database (checked by the inputs resolver), or a managed StatefulSet
 * whose claim outlives it. Switching to an external database leaves the managed one's StatefulSet and
 * claim in place: its data is not the operator's to drop.
 */
public final class Database {
    private Database() {}

    public static ComponentState reconcile(ManagedObjects<Foreman> objects, ForemanInputs inputs) {
        Foreman foreman = objects.primary();
        String name = ForemanNames.of(foreman).postgres();
        if (!inputs.managedDatabase()) {
            objects.deleteIfPresent(Service.class, name);
            return ComponentState.ready(
                    ForemanConditions.DATABASE_READY,
                    "ExternalDatabase",
                    "Using the external database of Secret "
                            + foreman.getSpec().getDatabase().getExternalDbSecret() + ".");
        }
        objects.apply(Datastores.postgresService(foreman));
        StatefulSet postgres = objects.apply(Datastores.postgres(foreman));
        if (ManagedPostgres.ready(postgres)) {
            return ComponentState.ready(
                    ForemanConditions.DATABASE_READY, "ManagedDatabaseReady", "PostgreSQL " + name + " is ready.");
        }
        return ComponentState.progressing(
                ForemanConditions.DATABASE_READY, "ManagedDatabaseStarting", "Waiting for PostgreSQL " + name + ".");
    }

    /** The connection the pods use: the external one, or the managed one with its generated password. */
    public static ForemanInputs.Database connection(
            Foreman foreman, ForemanInputs inputs, Credentials.Generated credentials) {
        if (!inputs.managedDatabase()) {
            return inputs.externalDatabase();
        }
        return new ForemanInputs.Database(
                ForemanNames.of(foreman).postgres(),
                Integer.toString(ManagedPostgres.PORT),
                CredentialSecrets.DATABASE_USER,
                credentials.databasePassword(),
                CredentialSecrets.DATABASE_NAME,
                "prefer",
                null);
    }
}
