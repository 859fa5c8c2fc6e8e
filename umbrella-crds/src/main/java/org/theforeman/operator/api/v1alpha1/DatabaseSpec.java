package org.theforeman.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;
import java.util.Map;
import org.theforeman.operator.api.schema.JsonMergePatch;

/**
 * The PostgreSQL database: an external one named by a Secret (the first-class path), or a managed
 * StatefulSet with a retained PVC when no secret is given. Field names are pulp-operator's.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@SchemaCustomizer(value = JsonMergePatch.class, input = KubernetesSchemas.DATABASE)
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
        fieldPath = ".postgres_storage_class",
        optionalOldSelf = false)
public class DatabaseSpec {
    @JsonProperty("external_db_secret")
    @Size(max = 253)
    @ValidationRule(value = Cel.NAME, message = Cel.SECRET_NAME)
    @JsonPropertyDescription(
            "Name of a Secret describing an external PostgreSQL, with keys POSTGRES_HOST, POSTGRES_PORT,"
                    + " POSTGRES_USERNAME, POSTGRES_PASSWORD, POSTGRES_DB_NAME and optionally POSTGRES_SSLMODE."
                    + " When unset, the operator runs a PostgreSQL StatefulSet.")
    private String externalDbSecret;

    @JsonProperty("postgres_image")
    @Size(max = 512)
    @ValidationRule(value = Cel.IMAGE, message = Cel.IMAGE_MESSAGE)
    @JsonPropertyDescription("Image of the managed PostgreSQL.")
    private String postgresImage;

    @JsonProperty("postgres_storage_requirements")
    @JsonPropertyDescription("Size of the managed database's volume, e.g. 8Gi.")
    @Size(max = 64)
    @ValidationRule(value = Cel.SIZE, message = Cel.SIZE_MESSAGE)
    private String postgresStorageRequirements;

    @JsonProperty("postgres_storage_class")
    @Size(max = 253)
    @ValidationRule(value = Cel.NAME, message = Cel.STORAGE_CLASS_NAME)
    @JsonPropertyDescription(
            "StorageClass of the managed database's volume; the cluster default when unset. Immutable once set.")
    private String postgresStorageClass;

    @JsonProperty("postgres_resource_requirements")
    @JsonPropertyDescription("CPU and memory of the managed PostgreSQL container.")
    private ResourceRequirements postgresResourceRequirements;

    @JsonProperty("node_selector")
    @JsonPropertyDescription("Node labels the managed database's pod must match.")
    @Size(max = 32)
    @ValidationRule(value = Cel.KEYS, message = Cel.LABEL_KEYS_MESSAGE)
    @ValidationRule(value = Cel.LABEL_VALUES, message = Cel.LABEL_VALUES_MESSAGE)
    private Map<String, @Size(max = 63) String> nodeSelector;

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
