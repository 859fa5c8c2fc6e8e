package org.theforeman.operator.pulp.components;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.ConditionTypes.PulpConditions;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.resources.ConfigHash;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.common.workload.DeploymentReadiness;
import org.theforeman.operator.common.workload.MigrationGate;
import org.theforeman.operator.pulp.PulpComponent;
import org.theforeman.operator.pulp.PulpInputs;
import org.theforeman.operator.pulp.PulpNames;
import org.theforeman.operator.pulp.PulpPods;
import org.theforeman.operator.pulp.model.MigrationJob;

/**
 * {@code pulpcore-manager migrate} for each image and each value of the settings pulpcore keeps in its
 * default Domain, before any pod runs them.
 */
public final class Migration {
    private Migration() {}

    public static ComponentState reconcile(ManagedObjects<Pulp> objects, PulpInputs inputs, ComponentState database) {
        return MigrationGate.reconcile(
                objects,
                PulpConditions.MIGRATIONS_COMPLETE,
                MigrationJob.desired(objects.primary(), inputs),
                MigrationJob.COMPONENT,
                MigrationJob.target(objects.primary(), inputs),
                database.phase() == ComponentState.Phase.READY);
    }

    /**
     * The image the pods run: the wanted one once migrated, else the one they run now (null before the
     * first migration completed: nothing is deployed yet).
     */
    public static String podImage(ManagedObjects<Pulp> objects, PulpInputs inputs, ComponentState migration) {
        return migration.phase() == ComponentState.Phase.READY ? inputs.image() : runningImage(objects);
    }

    /**
     * The settings hash the pods run: the wanted one once migrated, else the one they run now, so that a
     * domain-level setting reaches the pods only after the migration copied it into the database.
     */
    public static String podConfigHash(ManagedObjects<Pulp> objects, PulpInputs inputs, ComponentState migration) {
        String wanted = inputs.podConfigHash();
        if (migration.phase() == ComponentState.Phase.READY) {
            return wanted;
        }
        Deployment api =
                objects.cached(Deployment.class, PulpNames.of(objects.primary()).component(PulpComponent.API));
        String running = api == null
                        || api.getSpec().getTemplate().getMetadata().getAnnotations() == null
                ? null
                : api.getSpec().getTemplate().getMetadata().getAnnotations().get(ConfigHash.ANNOTATION);
        return running == null ? wanted : running;
    }

    /**
     * The pod template a component keeps while the migration to another storage backend runs: the pods'
     * volumes and environment are made for their backend, so the whole template waits for the migration
     * that moves pulpcore's default Domain to the new one. Null when nothing is held.
     */
    public static PodTemplateSpec heldTemplate(
            ManagedObjects<Pulp> objects, PulpInputs inputs, PulpComponent component, ComponentState migration) {
        if (migration.phase() == ComponentState.Phase.READY) {
            return null;
        }
        Deployment running =
                objects.cached(Deployment.class, PulpNames.of(objects.primary()).component(component));
        Map<String, String> annotations = running == null
                ? null
                : running.getSpec().getTemplate().getMetadata().getAnnotations();
        String runningStorage = annotations == null ? null : annotations.get(PulpPods.STORAGE_ANNOTATION);
        return runningStorage == null || runningStorage.equals(inputs.storage().name())
                ? null
                : new PodTemplateSpecBuilder(running.getSpec().getTemplate()).build();
    }

    /** The image the API pods run now, or null before the first rollout. */
    public static String runningImage(ManagedObjects<Pulp> objects) {
        Deployment api =
                objects.cached(Deployment.class, PulpNames.of(objects.primary()).component(PulpComponent.API));
        return api == null ? null : DeploymentReadiness.image(api);
    }
}
