package org.theforeman.operator.foreman.model;

import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Optional;
import org.theforeman.operator.api.v1alpha1.ConditionTypes;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.common.status.Conditions;

/**
 * A child resource's Ready as the parent's condition (PulpReady, SmartProxyReady). The child's condition
 * is trusted only when its observedGeneration equals the child's metadata.generation: before that, it
 * describes a spec the child's operator has not seen yet. Not ready names the child and says why, in the
 * child's own reason and message.
 */
public final class ChildConditions {
    private ChildConditions() {}

    /**
     * @param kind Pulp or SmartProxy
     * @param written whether this reconcile wrote the child (created it, or set its spec back)
     * @param generation the child's metadata.generation as last seen
     */
    public static ComponentState mirror(
            String type, String kind, String name, boolean written, Long generation, List<Condition> conditions) {
        if (written) {
            return ComponentState.progressing(
                    type,
                    generation == null ? "Creating" : "Updating",
                    kind + " " + name + (generation == null ? " is being created." : " is being updated."));
        }
        Optional<Condition> ready = Conditions.find(conditions, ConditionTypes.READY);
        if (ready.isEmpty()
                || ready.get().getObservedGeneration() == null
                || !ready.get().getObservedGeneration().equals(generation)) {
            return ComponentState.progressing(
                    type,
                    "WaitingFor" + kind,
                    kind + " " + name + " has not reported on its generation " + generation + " yet.");
        }
        Condition condition = ready.get();
        String said = condition.getMessage() == null ? "" : " " + condition.getMessage();
        if (Conditions.TRUE.equals(condition.getStatus())) {
            return ComponentState.ready(type, kind + "Ready", kind + " " + name + " is Ready." + said);
        }
        String reason = condition.getReason() == null || condition.getReason().isBlank()
                ? kind + "NotReady"
                : condition.getReason();
        String message = kind + " " + name + " is not Ready (" + reason + "):" + said;
        boolean degraded = Conditions.find(conditions, ConditionTypes.DEGRADED)
                .filter(d -> Conditions.TRUE.equals(d.getStatus()))
                .isPresent();
        return degraded
                ? ComponentState.failed(type, reason, message)
                : ComponentState.progressing(type, reason, message);
    }
}
