package org.theforeman.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Map;

/**
 * Desired state of a {@link Pulp}. Names and meanings follow pulp-operator's Pulp CR where they are the
 * same, so that its users can carry their resources over.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "[has(self.file_storage_size), has(self.pvc), has(self.object_storage_s3_secret), "
                + "has(self.object_storage_azure_secret)].filter(x, x).size() <= 1",
        message = "choose one storage backend: file_storage_size (a new claim), pvc (an existing "
                + "claim), object_storage_s3_secret or object_storage_azure_secret")
@ValidationRule(
        value = "!(has(self.file_storage_storage_class) || has(self.file_storage_access_mode)) || "
                + "!(has(self.pvc) || has(self.object_storage_s3_secret) || "
                + "has(self.object_storage_azure_secret))",
        message = "file_storage_storage_class and file_storage_access_mode configure the operator's "
                + "own claim; they do not apply with pvc or object storage")
@ValidationRule(
        value = "!has(self.ingress_type) || self.ingress_type != 'ingress' || has(self.ingress_host)",
        message = "ingress_host is required when ingress_type is ingress",
        fieldPath = ".ingress_host")
@ValidationRule(
        value = "!has(self.nodeport_port) || (has(self.ingress_type) && self.ingress_type == 'nodeport')",
        message = "nodeport_port applies only when ingress_type is nodeport",
        fieldPath = ".nodeport_port")
@ValidationRule(
        value = "!has(self.redirect_to_object_storage) || has(self.object_storage_s3_secret) || "
                + "has(self.object_storage_azure_secret)",
        message = "redirect_to_object_storage applies only with object_storage_s3_secret or "
                + "object_storage_azure_secret",
        fieldPath = ".redirect_to_object_storage")
@ValidationRule(
        value = "!has(self.nginx_client_max_body_size) || has(self.web)",
        message = "nginx_client_max_body_size configures the web proxy; set web too",
        fieldPath = ".nginx_client_max_body_size")
@ValidationRule(
        value = "!has(self.allowed_content_checksums) || 'sha256' in self.allowed_content_checksums",
        message = "allowed_content_checksums must contain sha256: pulpcore requires it",
        fieldPath = ".allowed_content_checksums")
public class PulpSpec {
    /** The pulpcore release the operator deploys by default; the real-pulpcore test runs the same one. */
    public static final String DEFAULT_VERSION = "3.123.1";

    @JsonPropertyDescription("Image repository of pulpcore (api, content, worker and migrations), as in pulp-operator.")
    @Default("quay.io/pulp/pulp-minimal")
    @Size(max = 256)
    @ValidationRule(value = Cel.REPOSITORY, message = Cel.REPOSITORY_MESSAGE)
    private String image;

    @JsonProperty("image_version")
    @JsonPropertyDescription("Tag of image. Changing it runs the database migrations before the pods roll.")
    @Default(DEFAULT_VERSION)
    @Size(max = 128)
    @ValidationRule(value = Cel.TAG, message = Cel.TAG_MESSAGE)
    private String imageVersion;

    @JsonProperty("image_web")
    @JsonPropertyDescription("Image repository of the optional web reverse proxy.")
    @Default("quay.io/pulp/pulp-web")
    @Size(max = 256)
    @ValidationRule(value = Cel.REPOSITORY, message = Cel.REPOSITORY_MESSAGE)
    private String imageWeb;

    @JsonProperty("image_web_version")
    @JsonPropertyDescription("Tag of image_web.")
    @Default(DEFAULT_VERSION)
    @Size(max = 128)
    @ValidationRule(value = Cel.TAG, message = Cel.TAG_MESSAGE)
    private String imageWebVersion;

    @JsonProperty("image_pull_policy")
    @JsonPropertyDescription("Pull policy of every Pulp container.")
    @Default("IfNotPresent")
    private PullPolicy imagePullPolicy;

    @JsonProperty("image_pull_secrets")
    @JsonPropertyDescription("Names of Secrets to pull the images with.")
    @Size(max = 16)
    @ValidationRule(
            value = "self.all(n, !format.dns1123Subdomain().validate(n).hasValue())",
            message = "every entry must be the name of a Secret in this namespace" + Cel.NAME_RULES)
    private List<@Size(max = 253) String> imagePullSecrets;

    @JsonPropertyDescription("The API server pods (pulpcore-api, port 24817).")
    private ComponentSpec api;

    @JsonPropertyDescription("The content app pods (pulpcore-content, port 24816).")
    private ComponentSpec content;

    @JsonPropertyDescription("The task worker pods (pulpcore-worker).")
    private ComponentSpec worker;

    @JsonPropertyDescription("The optional web reverse proxy (nginx) in front of api and content, deployed only when"
            + " set; the Ingress or Routes then lead to it. nginx resolves the api and content Service names"
            + " once, when it starts (the operator creates them first).")
    private ComponentSpec web;

    @JsonProperty("nginx_client_max_body_size")
    @JsonPropertyDescription("Largest request body the web proxy passes on (nginx client_max_body_size), e.g. 500m;"
            + " 0, the default, means no limit: pulp-cli uploads a whole file in one request unless told to"
            + " chunk. pulp-operator's default is 10m.")
    @Size(max = 16)
    @ValidationRule(
            value = "self.matches('^[0-9]{1,9}[kKmMgG]?$')",
            message = "must be an nginx size: digits with an optional k, m or g suffix, such as 500m (0: no limit)")
    private String nginxClientMaxBodySize;

    @JsonPropertyDescription("The PostgreSQL database: external_db_secret, or a managed one when unset.")
    private DatabaseSpec database;

    @JsonPropertyDescription("The Redis cache; off unless enabled or external_cache_secret is set.")
    private CacheSpec cache;

    @JsonProperty("file_storage_size")
    @JsonPropertyDescription(
            "Size of the PersistentVolumeClaim the operator makes for artifacts, e.g. 100Gi. A 10Gi claim is the"
                    + " default when no storage backend is chosen.")
    @Size(max = 64)
    @ValidationRule(value = Cel.SIZE, message = Cel.SIZE_MESSAGE)
    private String fileStorageSize;

    @JsonProperty("file_storage_access_mode")
    @JsonPropertyDescription(
            "Access mode of the artifact claim. ReadWriteMany lets api, content and worker pods run on different"
                    + " nodes; ReadWriteOnce (the default) keeps them on one node.")
    private StorageAccessMode fileStorageAccessMode;

    @JsonProperty("file_storage_storage_class")
    @Size(max = 253)
    @ValidationRule(value = Cel.NAME, message = Cel.STORAGE_CLASS_NAME)
    @JsonPropertyDescription("StorageClass of the artifact claim; the cluster default when unset.")
    private String fileStorageStorageClass;

    @JsonPropertyDescription(
            "Name of an existing PersistentVolumeClaim for artifacts, used instead of one made by the operator.")
    @Size(max = 253)
    @ValidationRule(value = Cel.NAME, message = Cel.CLAIM_NAME)
    private String pvc;

    @JsonProperty("object_storage_s3_secret")
    @Size(max = 253)
    @ValidationRule(value = Cel.NAME, message = Cel.SECRET_NAME)
    @JsonPropertyDescription(
            "Secret with S3 settings (s3-access-key-id, s3-secret-access-key, s3-bucket-name, s3-region, optional"
                    + " s3-endpoint, and optional s3-custom-domain: the host, and optional path, clients download"
                    + " from instead of the endpoint, django-storages' custom_domain; its links are not"
                    + " signed, so it suits a public bucket or a CDN; a change runs the migration Job, which clears"
                    + " cached redirects) to keep artifacts in S3.")
    private String objectStorageS3Secret;

    @JsonProperty("object_storage_azure_secret")
    @Size(max = 253)
    @ValidationRule(value = Cel.NAME, message = Cel.SECRET_NAME)
    @JsonPropertyDescription(
            "Secret with Azure Blob settings (azure-account-name, azure-account-key, azure-container, optional"
                    + " azure-container-path and azure-connection-string) to keep artifacts in Azure.")
    private String objectStorageAzureSecret;

    @JsonProperty("redirect_to_object_storage")
    @JsonPropertyDescription("With object storage: true (pulpcore's default) redirects downloads to a signed URL"
            + " of the bucket, which clients must be able to reach; false makes the content app serve them."
            + " A change runs the migration Job again (pulpcore keeps it in its default domain) before the"
            + " pods roll.")
    private Boolean redirectToObjectStorage;

    @JsonProperty("ingress_type")
    @JsonPropertyDescription(
            "How Pulp is reachable from outside: none, ingress, route (OpenShift), nodeport or loadbalancer.")
    @Default("none")
    private ExposureType ingressType;

    @JsonProperty("ingress_host")
    @Size(max = 253)
    @ValidationRule(value = Cel.HOST, message = Cel.HOST_MESSAGE)
    @JsonPropertyDescription("Host name of the Ingress; required with ingress_type ingress.")
    private String ingressHost;

    @JsonProperty("ingress_tls_secret")
    @Size(max = 253)
    @ValidationRule(value = Cel.NAME, message = Cel.SECRET_NAME)
    @JsonPropertyDescription("kubernetes.io/tls Secret the Ingress serves for ingress_host.")
    private String ingressTlsSecret;

    @JsonProperty("ingress_class_name")
    @Size(max = 253)
    @ValidationRule(value = Cel.NAME, message = Cel.INGRESS_CLASS_NAME)
    @JsonPropertyDescription("IngressClass of the Ingress; the cluster default when unset.")
    private String ingressClassName;

    @JsonProperty("ingress_annotations")
    @Size(max = 64)
    @ValidationRule(value = Cel.KEYS, message = Cel.ANNOTATION_KEYS_MESSAGE)
    @ValidationRule(value = Cel.NO_RESERVED_ANNOTATIONS, message = Cel.NO_RESERVED_ANNOTATIONS_MESSAGE)
    @JsonPropertyDescription("Extra annotations on the Ingress.")
    private Map<String, String> ingressAnnotations;

    @JsonProperty("route_host")
    @Size(max = 253)
    @ValidationRule(value = Cel.HOST, message = Cel.HOST_MESSAGE)
    @JsonPropertyDescription("Host name of the OpenShift Route; chosen by OpenShift when unset.")
    private String routeHost;

    @JsonProperty("route_tls_secret")
    @Size(max = 253)
    @ValidationRule(value = Cel.NAME, message = Cel.SECRET_NAME)
    @JsonPropertyDescription("Secret with the certificate of the Route.")
    private String routeTlsSecret;

    @JsonProperty("nodeport_port")
    @JsonPropertyDescription("Fixed node port with ingress_type nodeport; allocated by Kubernetes when unset.")
    @Min(30000)
    @Max(32767)
    private Integer nodeportPort;

    @JsonProperty("loadbalancer_port")
    @JsonPropertyDescription("Port of the LoadBalancer Service with ingress_type loadbalancer.")
    @Min(1)
    @Max(65535)
    private Integer loadbalancerPort;

    @JsonProperty("content_origin")
    @JsonPropertyDescription(
            "Scheme and host (and port) clients use to download content, pulpcore's CONTENT_ORIGIN, e.g."
                    + " https://pulp.example.com. When unset: ingress_host, else route_host, else the web proxy's"
                    + " Service (with web), else the content Service; the ExposureReady condition says when the"
                    + " address clients use cannot be derived (nodeport, loadbalancer, route without route_host).")
    @Size(max = 512)
    @ValidationRule(value = Cel.ORIGIN, message = Cel.ORIGIN_MESSAGE)
    @ValidationRule(value = Cel.URL_HOST, message = Cel.URL_HOST_MESSAGE)
    @ValidationRule(value = Cel.URL_PORT, message = Cel.URL_PORT_MESSAGE)
    private String contentOrigin;

    @JsonProperty("custom_pulp_settings")
    @Size(max = 253)
    @ValidationRule(value = Cel.NAME, message = Cel.CONFIG_MAP_NAME)
    @JsonPropertyDescription(
            "Name of a ConfigMap in the same namespace whose keys are pulpcore settings and whose values are"
                    + " Python literals (e.g. TOKEN_AUTH_DISABLED: \"True\"), merged last into the generated settings.")
    private String customPulpSettings;

    @JsonProperty("admin_password_secret")
    @Size(max = 253)
    @ValidationRule(value = Cel.NAME, message = Cel.SECRET_NAME)
    @JsonPropertyDescription("Secret with the admin user's password under key password; generated once when unset.")
    private String adminPasswordSecret;

    @JsonProperty("pulp_secret_key")
    @Size(max = 253)
    @ValidationRule(value = Cel.NAME, message = Cel.SECRET_NAME)
    @JsonPropertyDescription("Secret with Django's SECRET_KEY under key secret_key; generated once when unset.")
    private String pulpSecretKey;

    @JsonProperty("db_fields_encryption_secret")
    @Size(max = 253)
    @ValidationRule(value = Cel.NAME, message = Cel.SECRET_NAME)
    @JsonPropertyDescription("Secret with the key that encrypts credentials stored in the database, under key"
            + " database_fields.symmetric.key; generated once when unset. Losing it makes them unreadable.")
    private String dbFieldsEncryptionSecret;

    @JsonProperty("allowed_content_checksums")
    @JsonPropertyDescription("Checksum types pulpcore accepts (ALLOWED_CONTENT_CHECKSUMS); sha256 is always required.")
    private List<ChecksumType> allowedContentChecksums;

    @JsonPropertyDescription(
            "Register this Pulp in a Foreman as a smart proxy with the pulpcore feature; not registered when unset.")
    private ForemanReference foreman;

    @JsonProperty("deletion_policy")
    @JsonPropertyDescription(
            "Retain (default) keeps the artifact claim, the managed database's claim and the generated Secrets when"
                    + " the Pulp is deleted, so that re-creating it finds them; Delete removes them too.")
    @Default("Retain")
    private DeletionPolicy deletionPolicy;

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public String getImageVersion() {
        return imageVersion;
    }

    public void setImageVersion(String imageVersion) {
        this.imageVersion = imageVersion;
    }

    public String getImageWeb() {
        return imageWeb;
    }

    public void setImageWeb(String imageWeb) {
        this.imageWeb = imageWeb;
    }

    public String getImageWebVersion() {
        return imageWebVersion;
    }

    public void setImageWebVersion(String imageWebVersion) {
        this.imageWebVersion = imageWebVersion;
    }

    public PullPolicy getImagePullPolicy() {
        return imagePullPolicy;
    }

    public void setImagePullPolicy(PullPolicy imagePullPolicy) {
        this.imagePullPolicy = imagePullPolicy;
    }

    public List<String> getImagePullSecrets() {
        return imagePullSecrets;
    }

    public void setImagePullSecrets(List<String> imagePullSecrets) {
        this.imagePullSecrets = imagePullSecrets;
    }

    public ComponentSpec getApi() {
        return api;
    }

    public void setApi(ComponentSpec api) {
        this.api = api;
    }

    public ComponentSpec getContent() {
        return content;
    }

    public void setContent(ComponentSpec content) {
        this.content = content;
    }

    public ComponentSpec getWorker() {
        return worker;
    }

    public void setWorker(ComponentSpec worker) {
        this.worker = worker;
    }

    public ComponentSpec getWeb() {
        return web;
    }

    public void setWeb(ComponentSpec web) {
        this.web = web;
    }

    public DatabaseSpec getDatabase() {
        return database;
    }

    public void setDatabase(DatabaseSpec database) {
        this.database = database;
    }

    public CacheSpec getCache() {
        return cache;
    }

    public void setCache(CacheSpec cache) {
        this.cache = cache;
    }

    public String getFileStorageSize() {
        return fileStorageSize;
    }

    public void setFileStorageSize(String fileStorageSize) {
        this.fileStorageSize = fileStorageSize;
    }

    public StorageAccessMode getFileStorageAccessMode() {
        return fileStorageAccessMode;
    }

    public void setFileStorageAccessMode(StorageAccessMode fileStorageAccessMode) {
        this.fileStorageAccessMode = fileStorageAccessMode;
    }

    public String getFileStorageStorageClass() {
        return fileStorageStorageClass;
    }

    public void setFileStorageStorageClass(String fileStorageStorageClass) {
        this.fileStorageStorageClass = fileStorageStorageClass;
    }

    public String getPvc() {
        return pvc;
    }

    public void setPvc(String pvc) {
        this.pvc = pvc;
    }

    public String getObjectStorageS3Secret() {
        return objectStorageS3Secret;
    }

    public void setObjectStorageS3Secret(String objectStorageS3Secret) {
        this.objectStorageS3Secret = objectStorageS3Secret;
    }

    public String getObjectStorageAzureSecret() {
        return objectStorageAzureSecret;
    }

    public void setObjectStorageAzureSecret(String objectStorageAzureSecret) {
        this.objectStorageAzureSecret = objectStorageAzureSecret;
    }

    public ExposureType getIngressType() {
        return ingressType;
    }

    public void setIngressType(ExposureType ingressType) {
        this.ingressType = ingressType;
    }

    public String getIngressHost() {
        return ingressHost;
    }

    public void setIngressHost(String ingressHost) {
        this.ingressHost = ingressHost;
    }

    public String getIngressTlsSecret() {
        return ingressTlsSecret;
    }

    public void setIngressTlsSecret(String ingressTlsSecret) {
        this.ingressTlsSecret = ingressTlsSecret;
    }

    public String getIngressClassName() {
        return ingressClassName;
    }

    public void setIngressClassName(String ingressClassName) {
        this.ingressClassName = ingressClassName;
    }

    public Map<String, String> getIngressAnnotations() {
        return ingressAnnotations;
    }

    public void setIngressAnnotations(Map<String, String> ingressAnnotations) {
        this.ingressAnnotations = ingressAnnotations;
    }

    public String getRouteHost() {
        return routeHost;
    }

    public void setRouteHost(String routeHost) {
        this.routeHost = routeHost;
    }

    public String getRouteTlsSecret() {
        return routeTlsSecret;
    }

    public void setRouteTlsSecret(String routeTlsSecret) {
        this.routeTlsSecret = routeTlsSecret;
    }

    public Integer getNodeportPort() {
        return nodeportPort;
    }

    public void setNodeportPort(Integer nodeportPort) {
        this.nodeportPort = nodeportPort;
    }

    public Integer getLoadbalancerPort() {
        return loadbalancerPort;
    }

    public void setLoadbalancerPort(Integer loadbalancerPort) {
        this.loadbalancerPort = loadbalancerPort;
    }

    public String getContentOrigin() {
        return contentOrigin;
    }

    public void setContentOrigin(String contentOrigin) {
        this.contentOrigin = contentOrigin;
    }

    public String getCustomPulpSettings() {
        return customPulpSettings;
    }

    public void setCustomPulpSettings(String customPulpSettings) {
        this.customPulpSettings = customPulpSettings;
    }

    public String getAdminPasswordSecret() {
        return adminPasswordSecret;
    }

    public void setAdminPasswordSecret(String adminPasswordSecret) {
        this.adminPasswordSecret = adminPasswordSecret;
    }

    public String getPulpSecretKey() {
        return pulpSecretKey;
    }

    public void setPulpSecretKey(String pulpSecretKey) {
        this.pulpSecretKey = pulpSecretKey;
    }

    public String getDbFieldsEncryptionSecret() {
        return dbFieldsEncryptionSecret;
    }

    public void setDbFieldsEncryptionSecret(String dbFieldsEncryptionSecret) {
        this.dbFieldsEncryptionSecret = dbFieldsEncryptionSecret;
    }

    public List<ChecksumType> getAllowedContentChecksums() {
        return allowedContentChecksums;
    }

    public void setAllowedContentChecksums(List<ChecksumType> allowedContentChecksums) {
        this.allowedContentChecksums = allowedContentChecksums;
    }

    public ForemanReference getForeman() {
        return foreman;
    }

    public void setForeman(ForemanReference foreman) {
        this.foreman = foreman;
    }

    public DeletionPolicy getDeletionPolicy() {
        return deletionPolicy;
    }

    public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
        this.deletionPolicy = deletionPolicy;
    }

    public String getNginxClientMaxBodySize() {
        return nginxClientMaxBodySize;
    }

    public void setNginxClientMaxBodySize(String nginxClientMaxBodySize) {
        this.nginxClientMaxBodySize = nginxClientMaxBodySize;
    }

    public Boolean getRedirectToObjectStorage() {
        return redirectToObjectStorage;
    }

    public void setRedirectToObjectStorage(Boolean redirectToObjectStorage) {
        this.redirectToObjectStorage = redirectToObjectStorage;
    }
}
