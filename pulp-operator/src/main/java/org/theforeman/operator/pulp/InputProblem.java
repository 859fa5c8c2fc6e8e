package org.theforeman.operator.pulp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.theforeman.operator.common.status.ComponentState;

/**
 * Input the schema cannot check (a referenced Secret missing, a key missing in it): reported as
 * {@code Ready=False} with this reason and message, and nothing is changed until it is fixed.
 *
 * @param condition the component condition it blocks, e.g. DatabaseReady
 * @param reason CamelCase reason
 * @param message names the object and key, never a value
 */
public record InputProblem(String condition, String reason, String message) {

    /** One component state per blocked condition; several problems of one condition share it. */
    static List<ComponentState> asStates(List<InputProblem> problems) {
        Map<String, ComponentState> states = new LinkedHashMap<>();
        for (InputProblem problem : problems) {
            states.merge(
                    problem.condition(),
                    ComponentState.failed(problem.condition(), problem.reason(), problem.message()),
                    (first, next) -> new ComponentState(
                            first.conditionType(),
                            first.phase(),
                            first.reason(),
                            first.message() + "; " + next.message()));
        }
        return List.copyOf(states.values());
    }
}
