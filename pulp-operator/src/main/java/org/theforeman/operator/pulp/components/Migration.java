package org.theforeman.operator.pulp.components;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.theforeman.operator.api.v1alpha1.ConditionTypes.PulpConditions;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.common.workload.DeploymentReadiness;
import org.theforeman.operator.common.workload.MigrationGate;
import org.theforeman.operator.pulp.PulpComponent;
import org.theforeman.operator.pulp.PulpInputs;
import org.theforeman.operator.pulp.PulpNames;
import org.theforeman.operator.pulp.model.MigrationJob;

/** {@code pulpcore-manager migrate} for each image, before any pod runs it. */
public final class Migration {
    private Migration() {}

    public static ComponentState reconcile(ManagedObjects<Pulp> objects, PulpInputs inputs, ComponentState database) {
        return MigrationGate.reconcile(
                objects,
                PulpConditions.MIGRATIONS_COMPLETE,
                MigrationJob.desired(objects.primary(), inputs),
                MigrationJob.COMPONENT,
                inputs.image(),
                database.phase() == ComponentState.Phase.READY);
    }

    /**
     * The image the pods run: the wanted one once migrated, else the one they run now (null before the
     * first migration completed: nothing is deployed yet).
     */
    public static String podImage(ManagedObjects<Pulp> objects, PulpInputs inputs, ComponentState migration) {
        return migration.phase() == ComponentState.Phase.READY ? inputs.image() : runningImage(objects);
    }

    /** The image the API pods run now, or null before the first rollout. */
    public static String runningImage(ManagedObjects<Pulp> objects) {
        Deployment api =
                objects.cached(Deployment.class, PulpNames.of(objects.primary()).component(PulpComponent.API));
        return api == null ? null : DeploymentReadiness.image(api);
    }
}
