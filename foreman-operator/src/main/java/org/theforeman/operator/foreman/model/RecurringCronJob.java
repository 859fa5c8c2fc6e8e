package org.theforeman.operator.foreman.model;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import java.util.List;
import java.util.Objects;
import org.theforeman.operator.api.v1alpha1.ComponentSpec;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.foreman.ForemanInputs;
import org.theforeman.operator.foreman.ForemanNames;
import org.theforeman.operator.foreman.Release;

/**
 * Foreman's recurring tasks: {@code foreman-rake cron:<cadence>} (Foreman::Cron groups the hourly, daily,
 * weekly and monthly rake tasks of Foreman and its plugins behind these four entry points, as foremanctl's
 * timers call them). A run never overlaps the previous one; a run missed by more than its window is
 * skipped. They run with the dynflow pods' scheduling and resources.
 */
public final class RecurringCronJob {
    public static final String COMPONENT = "cron";

    /** The four cadences with the schedules of systemd's hourly/daily/weekly/monthly calendar events. */
    public enum Cadence {
        HOURLY("0 * * * *", 600L),
        DAILY("0 0 * * *", 3600L),
        WEEKLY("0 0 * * 1", 3600L),
        MONTHLY("0 0 1 * *", 3600L);

        final String schedule;
        /** A run that could not start within this long after its time is skipped, not run late. */
        final long startingDeadlineSeconds;

        Cadence(String schedule, long startingDeadlineSeconds) {
            this.schedule = schedule;
            this.startingDeadlineSeconds = startingDeadlineSeconds;
        }

        public String id() {
            return name().toLowerCase();
        }

        public String schedule() {
            return schedule;
        }

        public String rakeTask() {
            return "cron:" + id();
        }
    }

    private RecurringCronJob() {}

    public static CronJob desired(Foreman foreman, ForemanInputs inputs, Cadence cadence, Release release) {
        ComponentSpec settings = Objects.requireNonNullElseGet(foreman.getSpec().getDynflow(), ComponentSpec::new);
        Container rake = ForemanPods.container(
                foreman,
                inputs,
                release,
                "rake",
                settings,
                List.of("foreman-rake", cadence.rakeTask()),
                List.of(),
                false);
        PodTemplateSpec template = new PodTemplateSpecBuilder(
                        ForemanPods.template(foreman, inputs, COMPONENT, settings, rake, null, false))
                .editSpec()
                .withRestartPolicy("Never")
                .endSpec()
                .build();
        return new CronJobBuilder()
                .withMetadata(
                        ForemanMeta.owned(foreman, ForemanNames.of(foreman).cronJob(cadence.id()), COMPONENT))
                .withNewSpec()
                .withSchedule(cadence.schedule)
                .withConcurrencyPolicy("Forbid")
                .withStartingDeadlineSeconds(cadence.startingDeadlineSeconds)
                .withSuccessfulJobsHistoryLimit(3)
                .withFailedJobsHistoryLimit(3)
                .withNewJobTemplate()
                .withNewSpec()
                .withBackoffLimit(1)
                .withActiveDeadlineSeconds(1800L)
                .withTemplate(template)
                .endSpec()
                .endJobTemplate()
                .endSpec()
                .build();
    }
}
