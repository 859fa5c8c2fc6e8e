package org.theforeman.operator.common.status;

import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.theforeman.operator.common.status.ComponentState.Phase;

/**
 * Derives the three summary conditions every kind publishes from its component states:
 *
 * <ul>
 *   <li>{@code Ready} is True only when every component is ready; otherwise it carries the reason of the
 *       first failed component, else of the first progressing one, else it is Unknown.
 *   <li>{@code Progressing} is True while any component is progressing.
 *   <li>{@code Degraded} is True when any component failed; its message names each failed component.
 * </ul>
 */
public final class ConditionAggregator {
    public static final String REASON_ALL_READY = "AllComponentsReady";
    public static final String REASON_STABLE = "Stable";
    public static final String REASON_AS_EXPECTED = "AsExpected";
    public static final String REASON_NOT_OBSERVED = "NotObservedYet";
    public static final String REASON_NO_COMPONENTS = "NoComponents";

    private ConditionAggregator() {}

    /**
     * Component conditions in the given order, followed by Ready, Progressing and Degraded, all stamped
     * with {@code generation}.
     */
    public static List<Condition> conditions(List<ComponentState> components, long generation) {
        List<Condition> result = new ArrayList<>();
        for (ComponentState component : components) {
            result.add(component.toCondition(generation));
        }
        result.add(ready(components, generation));
        result.add(progressing(components, generation));
        result.add(degraded(components, generation));
        return result;
    }

    static Condition ready(List<ComponentState> components, long generation) {
        List<ComponentState> failed = inPhase(components, Phase.FAILED);
        List<ComponentState> progressing = inPhase(components, Phase.PROGRESSING);
        List<ComponentState> unknown = inPhase(components, Phase.UNKNOWN);
        String type = Conditions.READY;
        if (components.isEmpty()) {
            return Conditions.of(
                    type, Conditions.UNKNOWN, REASON_NO_COMPONENTS, "No component was observed.", generation);
        }
        if (!failed.isEmpty()) {
            return Conditions.of(type, Conditions.FALSE, failed.get(0).reason(), summary(failed), generation);
        }
        if (!progressing.isEmpty()) {
            return Conditions.of(type, Conditions.FALSE, progressing.get(0).reason(), summary(progressing), generation);
        }
        if (!unknown.isEmpty()) {
            return Conditions.of(type, Conditions.UNKNOWN, REASON_NOT_OBSERVED, summary(unknown), generation);
        }
        String message = "All components are ready: " + names(components) + ".";
        return Conditions.of(type, Conditions.TRUE, REASON_ALL_READY, message, generation);
    }

    static Condition progressing(List<ComponentState> components, long generation) {
        List<ComponentState> progressing = inPhase(components, Phase.PROGRESSING);
        String type = Conditions.PROGRESSING;
        if (progressing.isEmpty()) {
            return Conditions.of(type, Conditions.FALSE, REASON_STABLE, "Nothing is changing.", generation);
        }
        return Conditions.of(type, Conditions.TRUE, progressing.get(0).reason(), summary(progressing), generation);
    }

    static Condition degraded(List<ComponentState> components, long generation) {
        List<ComponentState> failed = inPhase(components, Phase.FAILED);
        String type = Conditions.DEGRADED;
        if (failed.isEmpty()) {
            return Conditions.of(
                    type, Conditions.FALSE, REASON_AS_EXPECTED, "No component reports a failure.", generation);
        }
        return Conditions.of(type, Conditions.TRUE, failed.get(0).reason(), summary(failed), generation);
    }

    private static List<ComponentState> inPhase(List<ComponentState> components, Phase phase) {
        return components.stream().filter(c -> c.phase() == phase).collect(Collectors.toList());
    }

    private static String summary(List<ComponentState> components) {
        return components.stream()
                .map(c -> c.conditionType() + ": " + c.message())
                .collect(Collectors.joining("; "));
    }

    private static String names(List<ComponentState> components) {
        return components.stream().map(ComponentState::conditionType).collect(Collectors.joining(", "));
    }
}
