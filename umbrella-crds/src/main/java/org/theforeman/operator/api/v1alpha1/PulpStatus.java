package org.theforeman.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Observed state of a {@link Pulp}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PulpStatus extends SuiteStatus {
    @JsonPropertyDescription("Image of pulpcore the api, content and worker pods run, once rolled out.")
    private String image;

    @JsonPropertyDescription("Tag of the running image (image_version).")
    private String version;

    @JsonPropertyDescription("In-cluster URL of the REST API, e.g. http://NAME-api.NAMESPACE.svc:24817/pulp/api/v3/.")
    private String apiUrl;

    @JsonPropertyDescription("CONTENT_ORIGIN clients download from.")
    private String contentOrigin;

    @JsonPropertyDescription("Secret holding the admin password (key password).")
    private String adminPasswordSecret;

    @JsonPropertyDescription("Name of the artifact PersistentVolumeClaim, when file storage is used.")
    private String storageClaim;

    @JsonPropertyDescription("Ready pods of the API, content and worker Deployments, e.g. 2/2 1/1 2/2.")
    private String readyPods;

    @Override
    public boolean equals(Object o) {
        if (!super.equals(o)) return false;
        PulpStatus that = (PulpStatus) o;
        return Objects.equals(image, that.image)
                && Objects.equals(version, that.version)
                && Objects.equals(apiUrl, that.apiUrl)
                && Objects.equals(contentOrigin, that.contentOrigin)
                && Objects.equals(adminPasswordSecret, that.adminPasswordSecret)
                && Objects.equals(storageClaim, that.storageClaim)
                && Objects.equals(readyPods, that.readyPods);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                super.hashCode(), image, version, apiUrl, contentOrigin, adminPasswordSecret, storageClaim, readyPods);
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

    public String getApiUrl() {
        return apiUrl;
    }

    public void setApiUrl(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    public String getContentOrigin() {
        return contentOrigin;
    }

    public void setContentOrigin(String contentOrigin) {
        this.contentOrigin = contentOrigin;
    }

    public String getAdminPasswordSecret() {
        return adminPasswordSecret;
    }

    public void setAdminPasswordSecret(String adminPasswordSecret) {
        this.adminPasswordSecret = adminPasswordSecret;
    }

    public String getStorageClaim() {
        return storageClaim;
    }

    public void setStorageClaim(String storageClaim) {
        this.storageClaim = storageClaim;
    }

    public String getReadyPods() {
        return readyPods;
    }

    public void setReadyPods(String readyPods) {
        this.readyPods = readyPods;
    }
}
