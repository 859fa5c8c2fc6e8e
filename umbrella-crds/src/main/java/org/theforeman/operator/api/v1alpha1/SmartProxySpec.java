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
@ValidationRule(
        value = "!(has(self.version) && has(self.image))",
        message = "set either version (a tag of quay.io/foreman/foreman-proxy) or image (any image), not both")
public class SmartProxySpec extends ComponentSpec {
    public static final String IMAGE_REPOSITORY = "quay.io/foreman/foreman-proxy";
    public static final String DEFAULT_VERSION = "nightly";
    public static final String DEFAULT_IMAGE = IMAGE_REPOSITORY + ":" + DEFAULT_VERSION;

    @JsonPropertyDescription("Tag of quay.io/foreman/foreman-proxy to run (nightly, 3.15, ...); nightly when neither"
            + " version nor image is set.")
    @Size(max = 128)
    @ValidationRule(value = Cel.TAG, message = Cel.TAG_MESSAGE)
    private String version;

    @JsonPropertyDescription("Host name Foreman reaches the proxy at: the registered URL's host, the record's name"
            + " and a name in the certificate. The Service's DNS name (name.namespace.svc) when unset, or"
            + " ingress.host with an Ingress or Route.")
    @Size(max = 253)
    @ValidationRule(value = Cel.HOST, message = Cel.HOST_MESSAGE)
    private String hostname;

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
    @JsonPropertyDescription("Retain (default) keeps the generated certificates and SSH keys and the proxy's record in"
            + " Foreman when the SmartProxy is deleted; Delete removes them.")
    @Default("Retain")
    private DeletionPolicy deletionPolicy;

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getHostname() {
        return hostname;
    }

    public void setHostname(String hostname) {
        this.hostname = hostname;
    }

    public List<String> getTrustedHosts() {
        return trustedHosts;
    }

    public void setTrustedHosts(List<String> trustedHosts) {
        this.trustedHosts = trustedHosts;
    }

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
