package org.theforeman.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import java.util.List;
import java.util.Map;
import org.theforeman.operator.api.schema.JsonMergePatch;

/**
 * How the pods of one component run: count, image override, resources and scheduling. Field names
 * follow pulp-operator's component fields ({@code api}, {@code content}, …) so its users feel at home.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@SchemaCustomizer(value = JsonMergePatch.class, input = KubernetesSchemas.COMPONENT)
public class ComponentSpec {
    @JsonPropertyDescription("Number of pods of this component. Ignored while an HPA manages the component.")
    @Min(1)
    private Integer replicas;

    @JsonPropertyDescription("Container image for this component only, overriding the resource's image.")
    @Size(max = 512)
    @ValidationRule(value = Cel.IMAGE, message = Cel.IMAGE_MESSAGE)
    private String image;

    @JsonProperty("resource_requirements")
    @JsonPropertyDescription("CPU and memory requests and limits of the component's main container.")
    private ResourceRequirements resourceRequirements;

    @JsonProperty("node_selector")
    @JsonPropertyDescription("Node labels the component's pods must match.")
    @Size(max = 32)
    @ValidationRule(value = Cel.KEYS, message = Cel.LABEL_KEYS_MESSAGE)
    @ValidationRule(value = Cel.LABEL_VALUES, message = Cel.LABEL_VALUES_MESSAGE)
    private Map<String, @Size(max = 63) String> nodeSelector;

    @JsonPropertyDescription("Tolerations of the component's pods.")
    private List<Toleration> tolerations;

    @JsonPropertyDescription("Affinity and anti-affinity rules of the component's pods.")
    private Affinity affinity;

    @JsonProperty("topology_spread_constraints")
    @JsonPropertyDescription("How the component's pods spread across zones or nodes.")
    private List<TopologySpreadConstraint> topologySpreadConstraints;

    @JsonProperty("env_vars")
    @JsonPropertyDescription("Extra environment variables of the main container, applied after the operator's own.")
    private List<EnvVar> envVars;

    @JsonProperty("pod_labels")
    @JsonPropertyDescription("Extra labels on the component's pods (app.kubernetes.io/* keys are reserved).")
    @Size(max = 64)
    @ValidationRule(value = Cel.KEYS, message = Cel.LABEL_KEYS_MESSAGE)
    @ValidationRule(value = Cel.LABEL_VALUES, message = Cel.LABEL_VALUES_MESSAGE)
    @ValidationRule(value = Cel.NO_RESERVED_LABELS, message = Cel.NO_RESERVED_LABELS_MESSAGE)
    private Map<String, @Size(max = 63) String> podLabels;

    @JsonProperty("deployment_annotations")
    @JsonPropertyDescription("Extra annotations on the component's Deployment.")
    @Size(max = 64)
    @ValidationRule(value = Cel.KEYS, message = Cel.ANNOTATION_KEYS_MESSAGE)
    @ValidationRule(value = Cel.NO_RESERVED_ANNOTATIONS, message = Cel.NO_RESERVED_ANNOTATIONS_MESSAGE)
    private Map<String, String> deploymentAnnotations;

    @JsonPropertyDescription("A PodDisruptionBudget for the component; none when unset.")
    private DisruptionBudgetSpec pdb;

    @JsonPropertyDescription("A HorizontalPodAutoscaler for the component; none when unset.")
    private AutoscalerSpec hpa;

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public ResourceRequirements getResourceRequirements() {
        return resourceRequirements;
    }

    public void setResourceRequirements(ResourceRequirements resourceRequirements) {
        this.resourceRequirements = resourceRequirements;
    }

    public Map<String, String> getNodeSelector() {
        return nodeSelector;
    }

    public void setNodeSelector(Map<String, String> nodeSelector) {
        this.nodeSelector = nodeSelector;
    }

    public List<Toleration> getTolerations() {
        return tolerations;
    }

    public void setTolerations(List<Toleration> tolerations) {
        this.tolerations = tolerations;
    }

    public Affinity getAffinity() {
        return affinity;
    }

    public void setAffinity(Affinity affinity) {
        this.affinity = affinity;
    }

    public List<TopologySpreadConstraint> getTopologySpreadConstraints() {
        return topologySpreadConstraints;
    }

    public void setTopologySpreadConstraints(List<TopologySpreadConstraint> topologySpreadConstraints) {
        this.topologySpreadConstraints = topologySpreadConstraints;
    }

    public List<EnvVar> getEnvVars() {
        return envVars;
    }

    public void setEnvVars(List<EnvVar> envVars) {
        this.envVars = envVars;
    }

    public Map<String, String> getPodLabels() {
        return podLabels;
    }

    public void setPodLabels(Map<String, String> podLabels) {
        this.podLabels = podLabels;
    }

    public Map<String, String> getDeploymentAnnotations() {
        return deploymentAnnotations;
    }

    public void setDeploymentAnnotations(Map<String, String> deploymentAnnotations) {
        this.deploymentAnnotations = deploymentAnnotations;
    }

    public DisruptionBudgetSpec getPdb() {
        return pdb;
    }

    public void setPdb(DisruptionBudgetSpec pdb) {
        this.pdb = pdb;
    }

    public AutoscalerSpec getHpa() {
        return hpa;
    }

    public void setHpa(AutoscalerSpec hpa) {
        this.hpa = hpa;
    }
}
