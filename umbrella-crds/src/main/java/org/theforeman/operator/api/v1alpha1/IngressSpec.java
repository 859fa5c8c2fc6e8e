package org.theforeman.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Map;

/** Exposure of a Foreman or a Smart Proxy outside the cluster. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "!has(self.type) || self.type != 'ingress' || has(self.host)",
        message = "ingress.host is required when ingress.type is ingress",
        fieldPath = ".host")
@ValidationRule(
        value = "!has(self.nodeport_port) || (has(self.type) && self.type == 'nodeport')",
        message = "ingress.nodeport_port applies only when ingress.type is nodeport",
        fieldPath = ".nodeport_port")
public class IngressSpec {
    @JsonPropertyDescription("none (cluster-internal only), ingress, route (OpenShift), nodeport or loadbalancer.")
    @Default("none")
    private ExposureType type;

    @JsonPropertyDescription("Host name clients use; required for ingress, optional for route.")
    @Size(max = 253)
    @ValidationRule(value = Cel.HOST, message = Cel.HOST_MESSAGE)
    private String host;

    @JsonProperty("tls_secret")
    @Size(max = 253)
    @ValidationRule(value = Cel.NAME, message = Cel.SECRET_NAME)
    @JsonPropertyDescription("Name of a kubernetes.io/tls Secret with the certificate served for host.")
    private String tlsSecret;

    @JsonProperty("class_name")
    @Size(max = 253)
    @ValidationRule(value = Cel.NAME, message = Cel.INGRESS_CLASS_NAME)
    @JsonPropertyDescription("IngressClass to use; the cluster default when unset.")
    private String className;

    @JsonPropertyDescription("Extra annotations on the Ingress, Route or Service.")
    @Size(max = 64)
    @ValidationRule(value = Cel.KEYS, message = Cel.ANNOTATION_KEYS_MESSAGE)
    @ValidationRule(value = Cel.NO_RESERVED_ANNOTATIONS, message = Cel.NO_RESERVED_ANNOTATIONS_MESSAGE)
    private Map<String, String> annotations;

    @JsonProperty("nodeport_port")
    @JsonPropertyDescription("Fixed node port for type nodeport; allocated by Kubernetes when unset.")
    @Min(30000)
    @Max(32767)
    private Integer nodeportPort;

    public ExposureType getType() {
        return type;
    }

    public void setType(ExposureType type) {
        this.type = type;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public String getTlsSecret() {
        return tlsSecret;
    }

    public void setTlsSecret(String tlsSecret) {
        this.tlsSecret = tlsSecret;
    }

    public String getClassName() {
        return className;
    }

    public void setClassName(String className) {
        this.className = className;
    }

    public Map<String, String> getAnnotations() {
        return annotations;
    }

    public void setAnnotations(Map<String, String> annotations) {
        this.annotations = annotations;
    }

    public Integer getNodeportPort() {
        return nodeportPort;
    }

    public void setNodeportPort(Integer nodeportPort) {
        this.nodeportPort = nodeportPort;
    }
}
