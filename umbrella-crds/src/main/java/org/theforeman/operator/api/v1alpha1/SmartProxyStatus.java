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

    @JsonPropertyDescription("Features the running proxy reports (GET /features).")
    private List<String> features;

    @JsonPropertyDescription("Ready proxy pods.")
    private Integer readyReplicas;

    @Override
    public boolean equals(Object o) {
        if (!super.equals(o)) return false;
        SmartProxyStatus that = (SmartProxyStatus) o;
        return Objects.equals(url, that.url)
                && Objects.equals(registeredName, that.registeredName)
                && Objects.equals(features, that.features)
                && Objects.equals(readyReplicas, that.readyReplicas);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), url, registeredName, features, readyReplicas);
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
}
