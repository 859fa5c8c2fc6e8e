package org.theforeman.operator.common.workload;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.Objects;
import org.theforeman.operator.api.v1alpha1.SuiteStatus;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.reconcile.StatusUpdates;
import org.theforeman.operator.common.status.ComponentState;

/**
 * Database migrations before pods move: one Job per target (its name derives from the image, and from
 * the plugin set where plugins bring migrations), created once the database is ready. Only when it
 * completed may the pods move to the target; while it runs, or when it failed, they keep running what
 * they run (a failed migration never takes a working install down). Jobs of earlier targets are deleted
 * once the current one completed.
 */
public final class MigrationGate {
    public static final String RUNNING = "MigrationRunning";
    public static final String FAILED = "MigrationFailed";

    private MigrationGate() {}

    /** What to do about the migration Job of the current target. */
    enum Step {
        WAIT_FOR_DATABASE,
        CREATE,
        RUNNING,
        COMPLETE,
        FAILED
    }

    /** The step given the Job as the cache holds it (null when absent) and the database's readiness. */
    static Step next(Job job, boolean databaseReady) {
        if (job == null) {
            return databaseReady ? Step.CREATE : Step.WAIT_FOR_DATABASE;
        }
        if (Jobs.condition(job, Jobs.COMPLETE).isPresent()) {
            return Step.COMPLETE;
        }
        return Jobs.condition(job, Jobs.FAILED).isPresent() ? Step.FAILED : Step.RUNNING;
    }

    /**
     * @param conditionType the condition that reports migrations, e.g. {@code MigrationsComplete}
     * @param desired the migration Job for the current target; its name identifies the target
     * @param component the component label all migration Jobs of the primary carry
     * @param target what the Job migrates to, for messages (an image, or image and plugins)
     * @param databaseReady whether the database accepts the migration now
     * @return READY when the pods may run the target, PROGRESSING while waiting, FAILED after a failure
     */
    public static <P extends CustomResource<?, ? extends SuiteStatus>> ComponentState reconcile(
            ManagedObjects<P> objects,
            String conditionType,
            Job desired,
            String component,
            String target,
            boolean databaseReady) {
        String jobName = desired.getMetadata().getName();
        Job job = objects.cached(Job.class, jobName);
        switch (next(job, databaseReady)) {
            case WAIT_FOR_DATABASE:
                return ComponentState.progressing(
                        conditionType, "WaitingForDatabase", "Migrations start once the database is ready.");
            case CREATE:
                objects.apply(desired);
                objects.events()
                        .normal(
                                objects.primary(),
                                "MigrationStarted",
                                "Started Job " + jobName + " to migrate to " + target);
                return running(conditionType, jobName, target);
            case COMPLETE:
                for (Job old : objects.cachedOfComponent(Job.class, component)) {
                    if (!old.getMetadata().getName().equals(jobName)) {
                        objects.delete(old);
                    }
                }
                return ComponentState.ready(conditionType, "Migrated", "The database is migrated for " + target + ".");
            case FAILED:
                JobCondition failed = Jobs.condition(job, Jobs.FAILED).orElseThrow();
                if (!StatusUpdates.hasCondition(objects.primary(), conditionType, FAILED)) {
                    objects.events()
                            .warning(objects.primary(), FAILED, "Job " + jobName + " failed: " + failed.getReason());
                }
                return ComponentState.failed(
                        conditionType,
                        FAILED,
                        "Job " + jobName + " failed (" + failed.getReason() + ": "
                                + Objects.requireNonNullElse(failed.getMessage(), "")
                                + "); the pods keep running the previous version. See kubectl logs job/" + jobName
                                + "; delete the Job to retry.");
            default:
                return running(conditionType, jobName, target);
        }
    }

    private static ComponentState running(String conditionType, String jobName, String target) {
        return ComponentState.progressing(
                conditionType, RUNNING, "Job " + jobName + " migrates the database to " + target + ".");
    }
}
