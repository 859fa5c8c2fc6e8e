package org.theforeman.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/**
 * Desired state of a {@link SmartProxy}: the proxy pods (component settings at the top level), the
 * Foreman it registers with, its features, TLS and exposure.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class SmartProxySpec extends ComponentSpec {
    public static final String DEFAULT_IMAGE = "quay.io/foreman/foreman-proxy:nightly";

    @JsonPropertyDescription("The Foreman to register with: name of a Foreman in this namespace, or url and "
            + "credentials_secret of an external one.")
    private ForemanReference foreman;

    @JsonPropertyDescription("Features to enable; every feature not listed is disabled.")
    private SmartProxyFeatures features;

    @JsonPropertyDescription("The certificate of the proxy's HTTPS port 8443.")
    private TlsSpec tls;

    @JsonProperty("trusted_hosts")
    @Size(max = 32)
    @ValidationRule(value = Cel.HOSTS, message = Cel.HOSTS_MESSAGE)
    @JsonPropertyDescription(
            "Client certificate common names allowed to call the proxy; the Foreman's host name when unset.")
    private List<@Size(max = 253) String> trustedHosts;

    @JsonPropertyDescription("The proxy's Service.")
    private ServiceSpec service;

    @JsonPropertyDescription("Exposure of the proxy outside the cluster.")
    private IngressSpec ingress;

    @JsonProperty("deletion_policy")
    @JsonPropertyDescription("Retain (default) keeps the generated certificates and SSH keys when the SmartProxy is "
            + "deleted; Delete removes them.")
    @Default("Retain")
    private DeletionPolicy deletionPolicy;

    public ForemanReference getForeman() {
        return foreman;
    }

    public void setForeman(ForemanReference foreman) {
        this.foreman = foreman;
    }

    public SmartProxyFeatures getFeatures() {
        return features;
    }

    public void setFeatures(SmartProxyFeatures features) {
        this.features = features;
    }

    public TlsSpec getTls() {
        return tls;
    }

    public void setTls(TlsSpec tls) {
        this.tls = tls;
    }

    public ServiceSpec getService() {
        return service;
    }

    public void setService(ServiceSpec service) {
        this.service = service;
    }

    public IngressSpec getIngress() {
        return ingress;
    }

    public void setIngress(IngressSpec ingress) {
        this.ingress = ingress;
    }

    public DeletionPolicy getDeletionPolicy() {
        return deletionPolicy;
    }

    public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
        this.deletionPolicy = deletionPolicy;
    }
}
