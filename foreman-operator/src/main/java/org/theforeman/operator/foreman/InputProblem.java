package org.theforeman.operator.foreman;

import java.util.ArrayList;
import java.util.List;
import org.theforeman.operator.common.status.ComponentState;

/**
 * Input the schema cannot check (a Secret or a key missing), reported as a condition naming the Secret,
 * the field that refers to it and the key; never a value.
 */
public record InputProblem(String condition, String reason, String message) {

    /** The problems as failed component states, one per condition (messages of one condition joined). */
    static List<ComponentState> asStates(List<InputProblem> problems) {
        List<ComponentState> states = new ArrayList<>();
        for (InputProblem problem : problems) {
            int same = indexOf(states, problem.condition());
            if (same < 0) {
                states.add(ComponentState.failed(problem.condition(), problem.reason(), problem.message()));
            } else {
                ComponentState first = states.get(same);
                states.set(
                        same,
                        ComponentState.failed(
                                first.conditionType(), first.reason(), first.message() + "; " + problem.message()));
            }
        }
        return states;
    }

    private static int indexOf(List<ComponentState> states, String condition) {
        for (int i = 0; i < states.size(); i++) {
            if (states.get(i).conditionType().equals(condition)) {
                return i;
            }
        }
        return -1;
    }
}
