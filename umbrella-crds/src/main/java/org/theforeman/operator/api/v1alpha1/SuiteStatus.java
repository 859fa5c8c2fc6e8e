package org.theforeman.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What every kind of the suite publishes: the generation last acted on and standard metav1 conditions
 * ({@code Ready}, {@code Progressing}, {@code Degraded} plus the kind's component conditions).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class SuiteStatus {
    @JsonPropertyDescription("The metadata.generation of the spec this status describes.")
    private Long observedGeneration;

    @JsonPropertyDescription(
            "Standard conditions: Ready, Progressing, Degraded and one per component. A consumer trusts a"
                    + " condition only when its observedGeneration equals metadata.generation.")
    private List<Condition> conditions = new ArrayList<>();

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions == null ? new ArrayList<>() : conditions;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (o == null || getClass() != o.getClass()) return false;
        SuiteStatus that = (SuiteStatus) o;
        return Objects.equals(observedGeneration, that.observedGeneration)
                && Objects.equals(conditions, that.conditions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(observedGeneration, conditions);
    }
}
