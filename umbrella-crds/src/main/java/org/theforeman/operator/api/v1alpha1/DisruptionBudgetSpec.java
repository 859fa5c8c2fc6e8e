package org.theforeman.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.IntOrString;
import org.theforeman.operator.api.schema.JsonMergePatch;

/** A PodDisruptionBudget for one component: one of the two bounds, as Kubernetes requires. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(value = JsonMergePatch.class, input = KubernetesSchemas.DISRUPTION_BUDGET)
@ValidationRule(
        value = "has(self.min_available) != has(self.max_unavailable)",
        message = "pdb needs exactly one of min_available and max_unavailable")
public class DisruptionBudgetSpec {
    @JsonProperty("min_available")
    @ValidationRule(value = Cel.COUNT_OR_PERCENT, message = Cel.COUNT_OR_PERCENT_MESSAGE)
    @JsonPropertyDescription("Pods that must stay available during voluntary disruptions (a number or a percentage).")
    private IntOrString minAvailable;

    @JsonProperty("max_unavailable")
    @ValidationRule(value = Cel.COUNT_OR_PERCENT, message = Cel.COUNT_OR_PERCENT_MESSAGE)
    @JsonPropertyDescription("Pods that may be unavailable during voluntary disruptions (a number or a percentage).")
    private IntOrString maxUnavailable;

    public IntOrString getMinAvailable() {
        return minAvailable;
    }

    public void setMinAvailable(IntOrString minAvailable) {
        this.minAvailable = minAvailable;
    }

    public IntOrString getMaxUnavailable() {
        return maxUnavailable;
    }

    public void setMaxUnavailable(IntOrString maxUnavailable) {
        this.maxUnavailable = maxUnavailable;
    }
}
