package org.theforeman.operator.foreman.components;

import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.foreman.ForemanInputs;
import org.theforeman.operator.foreman.Release;
import org.theforeman.operator.foreman.model.RecurringCronJob;
import org.theforeman.operator.foreman.model.RecurringCronJob.Cadence;

/**
 * The hourly, daily, weekly and monthly rake tasks as CronJobs, on the release the pods run (a task must
 * not run against a schema the pods do not have yet). They report no condition: a CronJob is ready once
 * it exists, and a failed run shows in its Jobs.
 */
public final class RecurringTasks {
    private RecurringTasks() {}

    public static void reconcile(ManagedObjects<Foreman> objects, ForemanInputs inputs, Release release) {
        if (release == null) {
            return;
        }
        for (Cadence cadence : Cadence.values()) {
            objects.apply(RecurringCronJob.desired(objects.primary(), inputs, cadence, release));
        }
    }
}
