package org.theforeman.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL database: an external one named by a Secret (the first-class path), or a managed
 * StatefulSet with a retained PVC when no secret is given. Field names are pulp-operator's.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "!has(self.external_db_secret) || (!has(self.postgres_storage_class) && "
                + "!has(self.postgres_storage_requirements) && !has(self.postgres_image))",
        message = "database.external_db_secret excludes the managed-database fields postgres_image, "
                + "postgres_storage_class and postgres_storage_requirements")
@ValidationRule(
        value = "!has(oldSelf.postgres_storage_class) || (has(self.postgres_storage_class) && "
                + "self.postgres_storage_class == oldSelf.postgres_storage_class)",
        message = "database.postgres_storage_class is immutable: the managed database's volume cannot "
                + "move to another storage class",
        optionalOldSelf = false)
public class DatabaseSpec {
    @JsonProperty("external_db_secret")
    @JsonPropertyDescription(
            "Name of a Secret describing an external PostgreSQL, with keys POSTGRES_HOST, POSTGRES_PORT,"
                    + " POSTGRES_USERNAME, POSTGRES_PASSWORD, POSTGRES_DB_NAME and optionally POSTGRES_SSLMODE."
                    + " When unset, the operator runs a PostgreSQL StatefulSet.")
    private String externalDbSecret;

    @JsonProperty("postgres_image")
    @JsonPropertyDescription("Image of the managed PostgreSQL.")
    private String postgresImage;

    @JsonProperty("postgres_storage_requirements")
    @JsonPropertyDescription("Size of the managed database's volume, e.g. 8Gi.")
    @Pattern("^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?$")
    private String postgresStorageRequirements;

    @JsonProperty("postgres_storage_class")
    @JsonPropertyDescription(
            "StorageClass of the managed database's volume; the cluster default when unset. Immutable once set.")
    private String postgresStorageClass;

    @JsonProperty("postgres_resource_requirements")
    @JsonPropertyDescription("CPU and memory of the managed PostgreSQL container.")
    private ResourceRequirements postgresResourceRequirements;

    @JsonProperty("node_selector")
    @JsonPropertyDescription("Node labels the managed database's pod must match.")
    private Map<String, String> nodeSelector;

    @JsonPropertyDescription("Tolerations of the managed database's pod.")
    private List<Toleration> tolerations;

    @JsonPropertyDescription("Affinity of the managed database's pod.")
    private Affinity affinity;

    public String getExternalDbSecret() {
        return externalDbSecret;
    }

    public void setExternalDbSecret(String externalDbSecret) {
        this.externalDbSecret = externalDbSecret;
    }

    public String getPostgresImage() {
        return postgresImage;
    }

    public void setPostgresImage(String postgresImage) {
        this.postgresImage = postgresImage;
    }

    public String getPostgresStorageRequirements() {
        return postgresStorageRequirements;
    }

    public void setPostgresStorageRequirements(String postgresStorageRequirements) {
        this.postgresStorageRequirements = postgresStorageRequirements;
    }

    public String getPostgresStorageClass() {
        return postgresStorageClass;
    }

    public void setPostgresStorageClass(String postgresStorageClass) {
        this.postgresStorageClass = postgresStorageClass;
    }

    public ResourceRequirements getPostgresResourceRequirements() {
        return postgresResourceRequirements;
    }

    public void setPostgresResourceRequirements(ResourceRequirements postgresResourceRequirements) {
        this.postgresResourceRequirements = postgresResourceRequirements;
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
}
