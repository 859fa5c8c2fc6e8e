package org.theforeman.operator.foreman.components;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Arrays;
import java.util.List;
import org.theforeman.operator.api.v1alpha1.ConditionTypes.ForemanConditions;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.common.status.ComponentState.Phase;
import org.theforeman.operator.common.workload.DeploymentReadiness;
import org.theforeman.operator.common.workload.MigrationGate;
import org.theforeman.operator.foreman.ForemanInputs;
import org.theforeman.operator.foreman.ForemanNames;
import org.theforeman.operator.foreman.Release;
import org.theforeman.operator.foreman.model.ForemanPods;
import org.theforeman.operator.foreman.model.MigrationJob;

/**
 * {@code db:migrate} and {@code db:seed} for each release (image and plugin set) before any pod runs it,
 * once the database and Redis are ready. Until it completed, the pods keep the release they run.
 */
public final class Migration {
    private Migration() {}

    /** @param candlepinReady whether Candlepin serves (or is not needed): Katello's seed talks to it */
    public static ComponentState reconcile(
            ManagedObjects<Foreman> objects,
            ForemanInputs inputs,
            ComponentState database,
            ComponentState cache,
            boolean candlepinReady) {
        Release release = inputs.release();
        String target = release.image()
                + (release.plugins().isEmpty() ? " without plugins" : " with " + release.enabledPlugins());
        return MigrationGate.reconcile(
                objects,
                ForemanConditions.MIGRATIONS_COMPLETE,
                MigrationJob.desired(objects.primary(), inputs, release),
                MigrationJob.COMPONENT,
                target,
                database.phase() == Phase.READY && cache.phase() == Phase.READY && candlepinReady);
    }

    /**
     * The release the pods may run: the wanted one once migrated, else the one the web pods run now (null
     * before the first migration completed: nothing runs yet).
     */
    public static Release podRelease(ManagedObjects<Foreman> objects, ForemanInputs inputs, ComponentState migration) {
        return migration.phase() == Phase.READY ? inputs.release() : runningRelease(objects);
    }

    /** What the web Deployment runs now (its image and FOREMAN_ENABLED_PLUGINS), or null before the first. */
    public static Release runningRelease(ManagedObjects<Foreman> objects) {
        Deployment web = objects.cached(
                Deployment.class, ForemanNames.of(objects.primary()).web());
        if (web == null) {
            return null;
        }
        String plugins = web.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().equals(ForemanPods.PLUGINS_ENV))
                .map(EnvVar::getValue)
                .filter(v -> v != null && !v.isBlank())
                .findFirst()
                .orElse("");
        List<String> gems = plugins.isEmpty() ? List.of() : Arrays.asList(plugins.split(" "));
        return new Release(DeploymentReadiness.image(web), gems);
    }
}
