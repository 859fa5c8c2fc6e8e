package org.theforeman.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import org.theforeman.operator.api.schema.JsonMergePatch;

/** A Redis-compatible cache: external (a Secret) or managed (a Deployment and a Service). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@SchemaCustomizer(value = JsonMergePatch.class, input = KubernetesSchemas.CACHE)
@ValidationRule(
        value = "!has(self.external_cache_secret) || !has(self.enabled) || self.enabled",
        message = "cache.external_cache_secret is set but cache.enabled is false: remove one of them",
        fieldPath = ".enabled")
@ValidationRule(
        value = "!has(self.external_cache_secret) || !has(self.redis_image)",
        message = "cache.redis_image applies to the managed cache only, not with external_cache_secret",
        fieldPath = ".redis_image")
public class CacheSpec {
    @JsonPropertyDescription(
            "Whether a cache is used. Defaults to what the kind needs (Foreman with Katello needs one).")
    private Boolean enabled;

    @JsonProperty("external_cache_secret")
    @Size(max = 253)
    @ValidationRule(value = Cel.NAME, message = Cel.SECRET_NAME)
    @JsonPropertyDescription("Name of a Secret with REDIS_HOST, REDIS_PORT and optionally REDIS_PASSWORD and REDIS_DB "
            + "of an external Redis.")
    private String externalCacheSecret;

    @JsonProperty("redis_image")
    @Size(max = 512)
    @ValidationRule(value = Cel.IMAGE, message = Cel.IMAGE_MESSAGE)
    @JsonPropertyDescription("Image of the managed Redis-compatible server.")
    private String redisImage;

    @JsonProperty("redis_resource_requirements")
    @JsonPropertyDescription("CPU and memory of the managed cache container.")
    private ResourceRequirements redisResourceRequirements;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public String getExternalCacheSecret() {
        return externalCacheSecret;
    }

    public void setExternalCacheSecret(String externalCacheSecret) {
        this.externalCacheSecret = externalCacheSecret;
    }

    public String getRedisImage() {
        return redisImage;
    }

    public void setRedisImage(String redisImage) {
        this.redisImage = redisImage;
    }

    public ResourceRequirements getRedisResourceRequirements() {
        return redisResourceRequirements;
    }

    public void setRedisResourceRequirements(ResourceRequirements redisResourceRequirements) {
        this.redisResourceRequirements = redisResourceRequirements;
    }
}
