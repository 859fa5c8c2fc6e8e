package org.theforeman.operator.common.workload;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.util.Optional;

/** Reads of a Job's outcome. */
public final class Jobs {
    public static final String COMPLETE = "Complete";
    public static final String FAILED = "Failed";

    private Jobs() {}

    /** The Job's condition of {@code type} when it is True (a Job reports Complete or Failed once it ends). */
    public static Optional<JobCondition> condition(Job job, String type) {
        if (job == null || job.getStatus() == null || job.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return job.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus()))
                .findFirst();
    }
}
