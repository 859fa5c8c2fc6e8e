package org.theforeman.operator.common.status;

import io.fabric8.kubernetes.api.model.Condition;
import java.util.Objects;

/**
 * The state of one component (a database, a Deployment, a migration) as a reconciler observed it,
 * published as a component condition such as {@code APIReady} and fed to {@link ConditionAggregator}.
 *
 * @param conditionType the component condition's type, e.g. {@code DatabaseReady}
 * @param phase what the component is doing
 * @param reason CamelCase reason for the condition
 * @param message a sentence a person can act on; never a secret value
 */
public record ComponentState(String conditionType, Phase phase, String reason, String message) {

    /** The phases a component can be in; each maps to a condition status. */
    public enum Phase {
        /** Running as the spec asks. */
        READY(Conditions.TRUE),
        /** Being created, rolled, migrated or scaled; expected to become ready on its own. */
        PROGRESSING(Conditions.FALSE),
        /** Will not become ready without someone acting: bad input, a failed Job, a missing Secret. */
        FAILED(Conditions.FALSE),
        /** Not observed yet. */
        UNKNOWN(Conditions.UNKNOWN);

        private final String conditionStatus;

        Phase(String conditionStatus) {
            this.conditionStatus = conditionStatus;
        }

        public String conditionStatus() {
            return conditionStatus;
        }
    }

    public ComponentState {
        Objects.requireNonNull(conditionType, "conditionType");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(reason, "reason");
        message = message == null ? "" : message;
    }

    public static ComponentState ready(String type, String reason, String message) {
        return new ComponentState(type, Phase.READY, reason, message);
    }

    public static ComponentState progressing(String type, String reason, String message) {
        return new ComponentState(type, Phase.PROGRESSING, reason, message);
    }

    public static ComponentState failed(String type, String reason, String message) {
        return new ComponentState(type, Phase.FAILED, reason, message);
    }

    public static ComponentState unknown(String type, String reason, String message) {
        return new ComponentState(type, Phase.UNKNOWN, reason, message);
    }

    public Condition toCondition(long generation) {
        return Conditions.of(conditionType, phase.conditionStatus(), reason, message, generation);
    }
}
