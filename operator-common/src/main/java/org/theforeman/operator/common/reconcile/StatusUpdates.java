package org.theforeman.operator.common.reconcile;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.CustomResource;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.theforeman.operator.api.v1alpha1.SuiteStatus;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.common.status.ConditionAggregator;
import org.theforeman.operator.common.status.Conditions;

/**
 * Writes status only when it changed, so an operator at steady state makes no write calls.
 */
public final class StatusUpdates {
    private StatusUpdates() {}

    /**
     * The status the primary should have given its component states: observedGeneration, the component
     * conditions and the derived Ready/Progressing/Degraded, with transition times kept where the status
     * did not flip.
     */
    public static <S extends SuiteStatus> S desired(
            CustomResource<?, S> primary, Supplier<S> emptyStatus, List<ComponentState> components, Instant now) {
        long generation = Objects.requireNonNullElse(primary.getMetadata().getGeneration(), 0L);
        S current = primary.getStatus();
        S next = emptyStatus.get();
        next.setObservedGeneration(generation);
        List<Condition> desired = ConditionAggregator.conditions(components, generation);
        Set<String> types = desired.stream().map(Condition::getType).collect(Collectors.toSet());
        // Conditions of components that no longer exist (a plugin or proxy turned off) are dropped.
        List<Condition> kept = current == null
                ? List.of()
                : current.getConditions().stream()
                        .filter(c -> types.contains(c.getType()))
                        .toList();
        next.setConditions(Conditions.upsertAll(kept, desired, now));
        return next;
    }

    /** Whether {@code next} differs from the primary's status: only then is it written ({@link StatusApply}). */
    public static boolean changed(CustomResource<?, ? extends SuiteStatus> primary, SuiteStatus next) {
        return !Objects.equals(primary.getStatus(), next);
    }

    /**
     * Whether the primary's current status already carries the condition {@code type} with {@code reason}:
     * events are recorded on transitions only, not on every reconcile.
     */
    public static boolean hasCondition(CustomResource<?, ? extends SuiteStatus> primary, String type, String reason) {
        return primary.getStatus() != null
                && Conditions.find(primary.getStatus().getConditions(), type)
                        .filter(c -> reason.equals(c.getReason()))
                        .isPresent();
    }
}
