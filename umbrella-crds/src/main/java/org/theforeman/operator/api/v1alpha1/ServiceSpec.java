package org.theforeman.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;

/** The Service in front of a component. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ServiceSpec {
    public enum Type {
        ClusterIP,
        NodePort,
        LoadBalancer
    }

    @JsonPropertyDescription("Service type.")
    @Default("ClusterIP")
    private Type type;

    @JsonPropertyDescription("Service port; the component's own port when unset.")
    @Min(1)
    @Max(65535)
    private Integer port;

    @JsonPropertyDescription("Extra annotations on the Service, e.g. for a cloud load balancer.")
    @Size(max = 64)
    @ValidationRule(value = Cel.KEYS, message = Cel.ANNOTATION_KEYS_MESSAGE)
    @ValidationRule(value = Cel.NO_RESERVED_ANNOTATIONS, message = Cel.NO_RESERVED_ANNOTATIONS_MESSAGE)
    private Map<String, String> annotations;

    public Type getType() {
        return type;
    }

    public void setType(Type type) {
        this.type = type;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public Map<String, String> getAnnotations() {
        return annotations;
    }

    public void setAnnotations(Map<String, String> annotations) {
        this.annotations = annotations;
    }
}
