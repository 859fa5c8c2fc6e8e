package org.theforeman.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** A HorizontalPodAutoscaler (autoscaling/v2, CPU utilisation) for one component. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "!has(self.min_replicas) || self.min_replicas <= self.max_replicas",
        message = "hpa.min_replicas must not exceed hpa.max_replicas",
        fieldPath = ".min_replicas")
public class AutoscalerSpec {
    @JsonProperty("min_replicas")
    @JsonPropertyDescription("Lower bound of the pod count.")
    @Min(1)
    @Default("1")
    private Integer minReplicas;

    @JsonProperty("max_replicas")
    @JsonPropertyDescription("Upper bound of the pod count.")
    @Min(1)
    @Required
    private Integer maxReplicas;

    @JsonProperty("target_cpu_utilization_percentage")
    @JsonPropertyDescription("Average CPU utilisation, in percent of requests, the autoscaler aims for.")
    @Min(1)
    @Max(100)
    @Default("80")
    private Integer targetCpuUtilizationPercentage;

    public Integer getMinReplicas() {
        return minReplicas;
    }

    public void setMinReplicas(Integer minReplicas) {
        this.minReplicas = minReplicas;
    }

    public Integer getMaxReplicas() {
        return maxReplicas;
    }

    public void setMaxReplicas(Integer maxReplicas) {
        this.maxReplicas = maxReplicas;
    }

    public Integer getTargetCpuUtilizationPercentage() {
        return targetCpuUtilizationPercentage;
    }

    public void setTargetCpuUtilizationPercentage(Integer targetCpuUtilizationPercentage) {
        this.targetCpuUtilizationPercentage = targetCpuUtilizationPercentage;
    }
}
