package org.theforeman.operator.common.reconcile;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.theforeman.operator.api.v1alpha1.ConditionTypes;
import org.theforeman.operator.common.status.ComponentState;

/**
 * The one error path for writes the API server refuses. A refusal that will not go away by itself (the
 * spec asks for something the server does not accept: shrinking a claim, an invalid value) becomes the
 * {@code ResourcesApplied} condition with the object and the server's message, so the resource says what
 * is wrong instead of staying in its last phase; transient failures (conflicts, throttling, server
 * errors, no connection) are rethrown for JOSDK to retry with backoff.
 */
public final class RejectedWrites {
    public static final String REASON = "Rejected";

    private RejectedWrites() {}

    /** Whether retrying the same write later may succeed without anyone changing anything. */
    public static boolean isTransient(KubernetesClientException e) {
        int code = e.getCode();
        return code < 400 || code >= 500 || code == 408 || code == 409 || code == 429;
    }

    /**
     * @return the condition that reports a permanent refusal
     * @throws KubernetesClientException {@code e} itself when it is transient
     */
    public static ComponentState toState(KubernetesClientException e) {
        if (isTransient(e)) {
            throw e;
        }
        Status status = e.getStatus();
        String message = status != null && status.getMessage() != null ? status.getMessage() : e.getMessage();
        String object = status != null
                        && status.getDetails() != null
                        && status.getDetails().getName() != null
                ? " to " + status.getDetails().getKind() + " "
                        + status.getDetails().getName()
                : "";
        return ComponentState.failed(
                ConditionTypes.RESOURCES_APPLIED, REASON, "The API server rejected a change" + object + ": " + message);
    }
}
