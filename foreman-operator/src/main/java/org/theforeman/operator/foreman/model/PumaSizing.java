package org.theforeman.operator.foreman.model;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.math.BigDecimal;

/**
 * Puma's worker count from the web container's resources, with foremanctl's rule: at most 32, 1.5 per
 * CPU, and one per GiB of memory above 1.5 GiB. Without resources, Foreman's own default of 2.
 */
public final class PumaSizing {
    public static final int DEFAULT_WORKERS = 2;
    /** foremanctl runs 5 threads per worker, min equal to max (less memory than a growing pool). */
    public static final int THREADS = 5;

    private static final BigDecimal GIB = BigDecimal.valueOf(1024L * 1024 * 1024);

    private PumaSizing() {}

    public static int workers(ResourceRequirements resources) {
        Quantity cpu = pick(resources, "cpu");
        Quantity memory = pick(resources, "memory");
        if (cpu == null && memory == null) {
            return DEFAULT_WORKERS;
        }
        double workers = 32;
        if (cpu != null) {
            workers = Math.min(workers, Quantity.getAmountInBytes(cpu).doubleValue() * 1.5);
        }
        if (memory != null) {
            double gib = Quantity.getAmountInBytes(memory).divide(GIB).doubleValue();
            workers = Math.min(workers, gib - 1.5);
        }
        return Math.max(1, (int) Math.floor(workers));
    }

    /** The limit when set (what the container may use), else the request. */
    private static Quantity pick(ResourceRequirements resources, String name) {
        if (resources == null) {
            return null;
        }
        if (resources.getLimits() != null && resources.getLimits().containsKey(name)) {
            return resources.getLimits().get(name);
        }
        return resources.getRequests() == null ? null : resources.getRequests().get(name);
    }
}
