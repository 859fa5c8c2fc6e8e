package org.theforeman.operator.common.reconcile;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.theforeman.operator.api.v1alpha1.ConditionTypes;
import org.theforeman.operator.api.v1alpha1.SuiteStatus;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.common.status.Conditions;

/**
 * The one error path for writes the API server does not accept. Every failure ends in the resource's
 * status as the {@code ResourcesApplied} condition, naming the object and carrying the server's message
 * (which names the field of the child object), with a Warning event once per kind of failure, one log line
 * without a stack trace, and a retry with backoff: the reconcile goes on returning the status, it does not
 * throw. A refusal that will not go away by itself (an invalid value) fails the resource; a transient one
 * (an overloaded or restarting server, no connection) leaves it progressing. A conflict is routine: it is
 * retried at once and logged at DEBUG only.
 */
public final class RejectedWrites {
    public static final String REJECTED = "Rejected";
    public static final String RETRYING = "Retrying";
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(5);
    private static final Set<String> SUMMARIES =
            Set.of(ConditionTypes.READY, ConditionTypes.PROGRESSING, ConditionTypes.DEGRADED);

    private static final Logger log = LoggerFactory.getLogger(RejectedWrites.class);

    private RejectedWrites() {}

    /** Whether retrying the same write later may succeed without anyone changing anything. */
    public static boolean isTransient(KubernetesClientException e) {
        int code = e.getCode();
        return code < 400 || code >= 500 || code == 408 || code == 409 || code == 429;
    }

    /**
     * Adds to {@code states} the state reporting {@code e}, and, for the components the reconcile did not
     * reach after the failure, the conditions they had: they describe what still runs.
     */
    public static <P extends CustomResource<?, ? extends SuiteStatus>> void report(
            ManagedObjects<P> objects, List<ComponentState> states, KubernetesClientException e) {
        states.add(toState(objects, e));
        P primary = objects.primary();
        if (primary.getStatus() == null || primary.getStatus().getConditions() == null) {
            return;
        }
        Set<String> reported = states.stream()
                .filter(Objects::nonNull)
                .map(ComponentState::conditionType)
                .collect(Collectors.toSet());
        for (Condition previous : primary.getStatus().getConditions()) {
            if (!reported.contains(previous.getType()) && !SUMMARIES.contains(previous.getType())) {
                states.add(new ComponentState(
                        previous.getType(),
                        switch (previous.getStatus()) {
                            case Conditions.TRUE -> ComponentState.Phase.READY;
                            case Conditions.FALSE -> ComponentState.Phase.PROGRESSING;
                            default -> ComponentState.Phase.UNKNOWN;
                        },
                        previous.getReason(),
                        previous.getMessage()));
            }
        }
    }

    /** The state reporting {@code e}; records a Warning event when the failure is new. */
    static <P extends CustomResource<?, ? extends SuiteStatus>> ComponentState toState(
            ManagedObjects<P> objects, KubernetesClientException e) {
        P primary = objects.primary();
        String who = primary.getKind() + " " + objects.namespace() + "/"
                + primary.getMetadata().getName();
        if (e.getCode() == 409 || interrupted(e)) {
            log.debug("{}: conflict or interrupted write, retrying: {}", who, e.getMessage());
            return ComponentState.progressing(
                    ConditionTypes.RESOURCES_APPLIED,
                    RETRYING,
                    "A write conflicted with" + " another change; retrying.");
        }
        ComponentState state = state(e);
        log.warn("{}: {}", who, state.message());
        if (!StatusUpdates.hasCondition(primary, ConditionTypes.RESOURCES_APPLIED, state.reason())) {
            objects.events().warning(primary, state.reason(), state.message());
        }
        return state;
    }

    /** The operator is stopping: the write was cut short, nothing to report. */
    private static boolean interrupted(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedException) {
                return true;
            }
        }
        return Thread.currentThread().isInterrupted();
    }

    static ComponentState state(KubernetesClientException e) {
        Status status = e.getStatus();
        String object = status != null
                        && status.getDetails() != null
                        && status.getDetails().getName() != null
                ? " " + status.getDetails().getKind() + " "
                        + status.getDetails().getName()
                : "";
        String message = message(e);
        if (isTransient(e)) {
            return ComponentState.progressing(
                    ConditionTypes.RESOURCES_APPLIED,
                    RETRYING,
                    "The API server did not accept a write to" + (object.isEmpty() ? " a managed object" : object)
                            + (e.getCode() > 0 ? " (HTTP " + e.getCode() + ")" : "") + ": " + message
                            + "; retrying.");
        }
        return ComponentState.failed(
                ConditionTypes.RESOURCES_APPLIED,
                REJECTED,
                "The API server rejected a change to" + (object.isEmpty() ? " a managed object" : object) + ": "
                        + message);
    }

    /** The server's own words: its message, or the causes it lists, or the client's message. */
    private static String message(KubernetesClientException e) {
        Status status = e.getStatus();
        if (status != null
                && status.getMessage() != null
                && !status.getMessage().isBlank()) {
            return status.getMessage();
        }
        if (status != null && status.getDetails() != null && status.getDetails().getCauses() != null) {
            List<StatusCause> causes = status.getDetails().getCauses();
            if (!causes.isEmpty()) {
                return causes.stream()
                        .map(c -> c.getField() + ": " + c.getMessage())
                        .collect(Collectors.joining("; "));
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /**
     * When to reconcile again because of a failed write reported in {@code states}: as long again as the
     * failure has lasted (doubling the wait each time), from one second to five minutes; empty when no
     * write failed.
     */
    public static Optional<Duration> retryAfter(
            CustomResource<?, ? extends SuiteStatus> primary, List<ComponentState> states, Instant now) {
        if (states.stream().noneMatch(s -> s.conditionType().equals(ConditionTypes.RESOURCES_APPLIED))) {
            return Optional.empty();
        }
        Optional<Condition> since = primary.getStatus() == null
                ? Optional.empty()
                : Conditions.find(primary.getStatus().getConditions(), ConditionTypes.RESOURCES_APPLIED)
                        .filter(c -> c.getLastTransitionTime() != null);
        Duration lasted = since.map(c -> Duration.between(Instant.parse(c.getLastTransitionTime()), now))
                .orElse(Duration.ZERO);
        if (lasted.compareTo(FIRST_RETRY) < 0) {
            return Optional.of(FIRST_RETRY);
        }
        return Optional.of(lasted.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : lasted);
    }
}
