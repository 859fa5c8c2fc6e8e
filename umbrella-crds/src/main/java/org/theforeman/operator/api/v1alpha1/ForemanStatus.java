package org.theforeman.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.model.annotation.LabelSelector;
import io.fabric8.kubernetes.model.annotation.StatusReplicas;
import java.util.List;
import java.util.Objects;

/** Observed state of a {@link Foreman}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ForemanStatus extends SuiteStatus {
    @JsonPropertyDescription("URL of Foreman's web UI and API.")
    private String url;

    @JsonPropertyDescription("Image the web and dynflow pods run, once rolled out.")
    private String image;

    @StatusReplicas
    @JsonPropertyDescription("Web pods (the scale subresource's status.replicas).")
    private Integer replicas;

    @LabelSelector
    @JsonPropertyDescription("Label selector of the web pods, for the scale subresource (HPA).")
    private String selector;

    @JsonPropertyDescription("Foreman version (the image tag) the web and dynflow pods run.")
    private String version;

    @JsonPropertyDescription("Ready web pods out of wanted, e.g. 2/2.")
    private String webPods;

    @JsonPropertyDescription("Ready dynflow pods out of wanted: orchestrator, workers and the hosts_queue worker.")
    private String dynflowPods;

    @JsonPropertyDescription("Plugins enabled in the running Foreman.")
    private List<String> plugins;

    @JsonPropertyDescription(
            "URL of Foreman's API inside the cluster (its web Service), which the suite's smart proxies register"
                    + " through.")
    private String internalUrl;

    @JsonPropertyDescription(
            "Secret with the credentials for Foreman's API, in the form a SmartProxy's foreman.credentials_secret"
                    + " takes: oauth_consumer_key and oauth_consumer_secret, optionally ca.crt.")
    private String credentialsSecret;

    @JsonPropertyDescription("Secret holding the admin user's name (username) and password (password).")
    private String adminSecret;

    @JsonPropertyDescription("Name of the child Pulp (with katello).")
    private String pulp;

    @JsonPropertyDescription("Name of the child SmartProxy.")
    private String smartProxy;

    @Override
    public boolean equals(Object o) {
        if (!super.equals(o)) return false;
        ForemanStatus that = (ForemanStatus) o;
        return Objects.equals(url, that.url)
                && Objects.equals(internalUrl, that.internalUrl)
                && Objects.equals(credentialsSecret, that.credentialsSecret)
                && Objects.equals(adminSecret, that.adminSecret)
                && Objects.equals(image, that.image)
                && Objects.equals(version, that.version)
                && Objects.equals(webPods, that.webPods)
                && Objects.equals(dynflowPods, that.dynflowPods)
                && Objects.equals(replicas, that.replicas)
                && Objects.equals(selector, that.selector)
                && Objects.equals(plugins, that.plugins)
                && Objects.equals(pulp, that.pulp)
                && Objects.equals(smartProxy, that.smartProxy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                super.hashCode(),
                url,
                internalUrl,
                credentialsSecret,
                adminSecret,
                image,
                version,
                webPods,
                dynflowPods,
                replicas,
                selector,
                plugins,
                pulp,
                smartProxy);
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getInternalUrl() {
        return internalUrl;
    }

    public void setInternalUrl(String internalUrl) {
        this.internalUrl = internalUrl;
    }

    public String getCredentialsSecret() {
        return credentialsSecret;
    }

    public void setCredentialsSecret(String credentialsSecret) {
        this.credentialsSecret = credentialsSecret;
    }

    public String getAdminSecret() {
        return adminSecret;
    }

    public void setAdminSecret(String adminSecret) {
        this.adminSecret = adminSecret;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getWebPods() {
        return webPods;
    }

    public void setWebPods(String webPods) {
        this.webPods = webPods;
    }

    public String getDynflowPods() {
        return dynflowPods;
    }

    public void setDynflowPods(String dynflowPods) {
        this.dynflowPods = dynflowPods;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public String getSelector() {
        return selector;
    }

    public void setSelector(String selector) {
        this.selector = selector;
    }

    public List<String> getPlugins() {
        return plugins;
    }

    public void setPlugins(List<String> plugins) {
        this.plugins = plugins;
    }

    public String getPulp() {
        return pulp;
    }

    public void setPulp(String pulp) {
        this.pulp = pulp;
    }

    public String getSmartProxy() {
        return smartProxy;
    }

    public void setSmartProxy(String smartProxy) {
        this.smartProxy = smartProxy;
    }
}
