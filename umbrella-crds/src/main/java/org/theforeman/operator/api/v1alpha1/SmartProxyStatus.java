package org.theforeman.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Objects;

/** Observed state of a {@link SmartProxy}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SmartProxyStatus extends SuiteStatus {
    @JsonPropertyDescription("URL Foreman reaches the proxy at, as registered.")
    private String url;

    @JsonPropertyDescription("Name of the proxy's record in Foreman.")
    private String registeredName;

    @JsonPropertyDescription("Features Foreman recorded for the proxy at its last refresh.")
    private List<String> features;

    @JsonPropertyDescription("Id of the proxy's record in Foreman.")
    private Long proxyId;

    @JsonPropertyDescription("URL of the Foreman API the proxy is registered with.")
    private String foremanUrl;

    @JsonPropertyDescription("Image the proxy pods run, once rolled out.")
    private String image;

    @JsonPropertyDescription("The remote execution SSH public key, to put in authorized_keys on hosts.")
    private String sshPublicKey;

    @JsonPropertyDescription("Digest of the enabled features the record in Foreman was last refreshed for.")
    private String registeredFeatures;

    @JsonPropertyDescription("Ready proxy pods.")
    private Integer readyReplicas;

    @Override
    public boolean equals(Object o) {
        if (!super.equals(o)) return false;
        SmartProxyStatus that = (SmartProxyStatus) o;
        return Objects.equals(url, that.url)
                && Objects.equals(registeredName, that.registeredName)
                && Objects.equals(features, that.features)
                && Objects.equals(readyReplicas, that.readyReplicas)
                && Objects.equals(proxyId, that.proxyId)
                && Objects.equals(foremanUrl, that.foremanUrl)
                && Objects.equals(image, that.image)
                && Objects.equals(sshPublicKey, that.sshPublicKey)
                && Objects.equals(registeredFeatures, that.registeredFeatures);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                super.hashCode(),
                url,
                registeredName,
                features,
                readyReplicas,
                proxyId,
                foremanUrl,
                image,
                sshPublicKey,
                registeredFeatures);
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getRegisteredName() {
        return registeredName;
    }

    public void setRegisteredName(String registeredName) {
        this.registeredName = registeredName;
    }

    public List<String> getFeatures() {
        return features;
    }

    public void setFeatures(List<String> features) {
        this.features = features;
    }

    public Integer getReadyReplicas() {
        return readyReplicas;
    }

    public void setReadyReplicas(Integer readyReplicas) {
        this.readyReplicas = readyReplicas;
    }

    public Long getProxyId() {
        return proxyId;
    }

    public void setProxyId(Long proxyId) {
        this.proxyId = proxyId;
    }

    public String getForemanUrl() {
        return foremanUrl;
    }

    public void setForemanUrl(String foremanUrl) {
        this.foremanUrl = foremanUrl;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public String getSshPublicKey() {
        return sshPublicKey;
    }

    public void setSshPublicKey(String sshPublicKey) {
        this.sshPublicKey = sshPublicKey;
    }

    public String getRegisteredFeatures() {
        return registeredFeatures;
    }

    public void setRegisteredFeatures(String registeredFeatures) {
        this.registeredFeatures = registeredFeatures;
    }
}
