package org.theforeman.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.model.annotation.SpecReplicas;
import java.util.Map;

/** Desired state of a {@link Foreman}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "!(has(self.version) && has(self.image))",
        message = "set either version (an upstream release of quay.io/foreman/foreman) or image (any image), not both")
@ValidationRule(
        value = "!has(self.plugins) || self.plugins.all(p, p in ['katello', 'remote_execution', "
                + "'ansible', 'webhooks', 'google', 'azure_rm', 'kubevirt', 'rh_cloud'])",
        message = "unknown plugin in spec.plugins; known plugins: katello, remote_execution, ansible, "
                + "webhooks, google, azure_rm, kubevirt, rh_cloud",
        fieldPath = ".plugins")
@ValidationRule(
        value = "!has(self.plugins) || !('ansible' in self.plugins) || !self.plugins['ansible'] || "
                + "('remote_execution' in self.plugins && self.plugins['remote_execution'])",
        message = "plugins.ansible requires plugins.remote_execution: Ansible jobs run through remote execution",
        fieldPath = ".plugins")
@ValidationRule(
        value = "!has(self.plugins) || !('rh_cloud' in self.plugins) || !self.plugins['rh_cloud'] || "
                + "('katello' in self.plugins && self.plugins['katello'])",
        message = "plugins.rh_cloud requires plugins.katello",
        fieldPath = ".plugins")
@ValidationRule(
        value = "!has(self.pulp) || (has(self.plugins) && 'katello' in self.plugins && self.plugins['katello'])",
        message = "spec.pulp configures the Pulp that Katello needs: enable plugins.katello or remove spec.pulp",
        fieldPath = ".pulp")
@ValidationRule(
        value = "!has(self.candlepin) || (has(self.plugins) && 'katello' in self.plugins && self.plugins['katello'])",
        message = "spec.candlepin applies only with plugins.katello",
        fieldPath = ".candlepin")
@ValidationRule(
        value = "!has(self.smart_proxy) || !has(self.smart_proxy.foreman)",
        message = "smart_proxy.foreman is set by the operator to this Foreman: remove it",
        fieldPath = ".smart_proxy")
@ValidationRule(
        value = "!has(self.settings) || self.settings.all(k, k.matches('^[a-z][a-z0-9_]*$'))",
        message = "spec.settings keys are Foreman setting names: lowercase letters, digits and underscores",
        fieldPath = ".settings")
@ValidationRule(
        value = "!has(self.settings) || self.settings.all(k, !(k in ['foreman_url', 'fqdn', 'hosts', "
                + "'rails_cache_store', 'oauth_active', 'oauth_map_users', 'oauth_consumer_key', "
                + "'oauth_consumer_secret']))",
        message = "spec.settings may not set foreman_url, fqdn, hosts, rails_cache_store or oauth_*: the operator"
                + " sets them (use hostname and ingress)",
        fieldPath = ".settings")
@ValidationRule(
        value = "!has(self.cache) || !has(self.cache.enabled) || self.cache.enabled",
        message = "Foreman needs Redis for Dynflow and its cache: remove cache.enabled: false",
        fieldPath = ".cache")
@ValidationRule(
        value = "!has(self.pulp) || !has(self.pulp.foreman)",
        message = "pulp.foreman is set by the operator to this Foreman: remove it",
        fieldPath = ".pulp")
public class ForemanSpec {
    public static final String DEFAULT_VERSION = "nightly";

    @JsonPropertyDescription("Foreman release to run from quay.io/foreman/foreman (e.g. 3.16); nightly when neither "
            + "version nor image is set.")
    @ValidationRule(
            value = "self.matches('^(nightly|[0-9]+[.][0-9]+([.][0-9]+)?)$')",
            message = "must be nightly or a Foreman release such as 3.16 or 3.16.1")
    private String version;

    @JsonPropertyDescription("Full image reference of Foreman, for images other than the upstream releases.")
    @Size(max = 512)
    @ValidationRule(value = Cel.IMAGE, message = Cel.IMAGE_MESSAGE)
    private String image;

    @SpecReplicas
    @JsonPropertyDescription("Number of Foreman web (puma) pods.")
    @Min(1)
    @Default("1")
    private Integer replicas;

    @JsonProperty("dynflow_workers")
    @JsonPropertyDescription("Number of dynflow worker pods (queues default and remote_execution). One orchestrator "
            + "always runs in addition.")
    @Min(0)
    @Default("1")
    private Integer dynflowWorkers;

    @JsonPropertyDescription(
            "Plugins of the Foreman image to enable, by name: katello, remote_execution, ansible, webhooks, google,"
                    + " azure_rm, kubevirt, rh_cloud. Enabling katello adds Candlepin and child Pulp and SmartProxy"
                    + " resources; disabling a plugin removes its running parts but keeps its data.")
    private Map<String, Boolean> plugins;

    @JsonPropertyDescription(
            "Fully qualified host name of Foreman (FOREMAN_FQDN, the URL's host); derived from the Service when unset.")
    @Size(max = 253)
    @ValidationRule(value = Cel.HOST, message = Cel.HOST_MESSAGE)
    private String hostname;

    @JsonPropertyDescription("Exposure of Foreman's web UI and API outside the cluster.")
    private IngressSpec ingress;

    @JsonPropertyDescription("Foreman's PostgreSQL database: external_db_secret (keys POSTGRES_HOST, POSTGRES_PORT,"
            + " POSTGRES_USERNAME, POSTGRES_PASSWORD, POSTGRES_DB_NAME, optionally POSTGRES_SSLMODE and ca.crt, the"
            + " CA of the server's certificate), or a managed PostgreSQL when unset.")
    private DatabaseSpec database;

    @JsonPropertyDescription("Redis for the Rails cache and Dynflow: external_cache_secret, or a managed one.")
    private CacheSpec cache;

    @JsonPropertyDescription("The initial administrator.")
    private AdminSpec admin;

    @JsonProperty("encryption_key_secret")
    @Size(max = 253)
    @ValidationRule(value = Cel.NAME, message = Cel.SECRET_NAME)
    @JsonPropertyDescription("Adoption of an existing install: name of a Secret holding its ENCRYPTION_KEY (and"
            + " optionally its administrator's username and password), used instead of generating them. The"
            + " operator only reads it. Without it, a key is generated once and kept.")
    private String encryptionKeySecret;

    @JsonPropertyDescription(
            "Extra entries of Foreman's settings.yaml by name (e.g. require_ssl: \"false\", hsts_enabled:"
                    + " \"false\"); true/false and numbers are written as such. Entries the operator sets (foreman_url,"
                    + " fqdn, hosts, rails_cache_store, oauth_*) are rejected.")
    @Size(max = 128)
    private Map<String, String> settings;

    @JsonPropertyDescription("The web (puma) pods; replicas here is ignored in favour of spec.replicas.")
    private ComponentSpec web;

    @JsonPropertyDescription(
            "The dynflow orchestrator and worker pods; replicas here is ignored in favour of dynflow_workers.")
    private ComponentSpec dynflow;

    @JsonPropertyDescription("Candlepin (with plugins.katello).")
    private ComponentSpec candlepin;

    @JsonProperty("smart_proxy")
    @JsonPropertyDescription(
            "Template of the SmartProxy the operator creates when a plugin needs one (katello, remote_execution);"
                    + " foreman is filled in by the operator.")
    private SmartProxySpec smartProxy;

    @JsonPropertyDescription(
            "Template of the Pulp the operator creates with plugins.katello; foreman is filled in by the operator.")
    private PulpSpec pulp;

    @JsonProperty("deletion_policy")
    @JsonPropertyDescription(
            "Retain (default) keeps database claims and generated Secrets (ENCRYPTION_KEY, OAuth keys, passwords)"
                    + " when the Foreman is deleted; Delete removes them too.")
    @Default("Retain")
    private DeletionPolicy deletionPolicy;

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public Integer getDynflowWorkers() {
        return dynflowWorkers;
    }

    public void setDynflowWorkers(Integer dynflowWorkers) {
        this.dynflowWorkers = dynflowWorkers;
    }

    public Map<String, Boolean> getPlugins() {
        return plugins;
    }

    public void setPlugins(Map<String, Boolean> plugins) {
        this.plugins = plugins;
    }

    public String getHostname() {
        return hostname;
    }

    public void setHostname(String hostname) {
        this.hostname = hostname;
    }

    public IngressSpec getIngress() {
        return ingress;
    }

    public void setIngress(IngressSpec ingress) {
        this.ingress = ingress;
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

    public AdminSpec getAdmin() {
        return admin;
    }

    public void setAdmin(AdminSpec admin) {
        this.admin = admin;
    }

    public String getEncryptionKeySecret() {
        return encryptionKeySecret;
    }

    public void setEncryptionKeySecret(String encryptionKeySecret) {
        this.encryptionKeySecret = encryptionKeySecret;
    }

    public Map<String, String> getSettings() {
        return settings;
    }

    public void setSettings(Map<String, String> settings) {
        this.settings = settings;
    }

    public ComponentSpec getWeb() {
        return web;
    }

    public void setWeb(ComponentSpec web) {
        this.web = web;
    }

    public ComponentSpec getDynflow() {
        return dynflow;
    }

    public void setDynflow(ComponentSpec dynflow) {
        this.dynflow = dynflow;
    }

    public ComponentSpec getCandlepin() {
        return candlepin;
    }

    public void setCandlepin(ComponentSpec candlepin) {
        this.candlepin = candlepin;
    }

    public SmartProxySpec getSmartProxy() {
        return smartProxy;
    }

    public void setSmartProxy(SmartProxySpec smartProxy) {
        this.smartProxy = smartProxy;
    }

    public PulpSpec getPulp() {
        return pulp;
    }

    public void setPulp(PulpSpec pulp) {
        this.pulp = pulp;
    }

    public DeletionPolicy getDeletionPolicy() {
        return deletionPolicy;
    }

    public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
        this.deletionPolicy = deletionPolicy;
    }
}
