package org.theforeman.operator.pulp;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.theforeman.operator.api.v1alpha1.CacheSpec;
import org.theforeman.operator.api.v1alpha1.ConditionTypes.PulpConditions;
import org.theforeman.operator.api.v1alpha1.DatabaseSpec;
import org.theforeman.operator.api.v1alpha1.ExposureType;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.api.v1alpha1.PulpSpec;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.resources.ConfigHash;

/**
 * Resolves and checks what a Pulp refers to by name. Every problem names the object and the key, so
 * that a person can fix it; values are never read into messages.
 */
public final class PulpInputsResolver {
    public static final List<String> DATABASE_KEYS =
            List.of("POSTGRES_HOST", "POSTGRES_PORT", "POSTGRES_USERNAME", "POSTGRES_PASSWORD", "POSTGRES_DB_NAME");
    public static final List<String> CACHE_KEYS = List.of("REDIS_HOST", "REDIS_PORT");
    public static final List<String> S3_KEYS = List.of("s3-access-key-id", "s3-secret-access-key", "s3-bucket-name");
    public static final String S3_CUSTOM_DOMAIN_KEY = "s3-custom-domain";
    public static final List<String> AZURE_KEYS = List.of("azure-account-name", "azure-account-key", "azure-container");
    public static final String ADMIN_PASSWORD_KEY = "password";
    public static final String SECRET_KEY_KEY = "secret_key";
    public static final String DB_FIELDS_KEY = "database_fields.symmetric.key";
    public static final String DEFAULT_CONTENT_PATH = "/pulp/content/";
    /** The web proxy's port (its Service's too). */
    public static final int WEB_PORT = 8080;

    private static final Pattern SETTING_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** Settings the operator owns: overriding them would disconnect Pulp from what the operator manages. */
    private static final Set<String> RESERVED_SETTINGS = Set.of(
            "DATABASES",
            "SECRET_KEY",
            "DB_ENCRYPTION_KEY",
            "MEDIA_ROOT",
            "WORKING_DIRECTORY",
            "FILE_UPLOAD_TEMP_DIR",
            "STORAGES",
            "STATIC_ROOT",
            "API_ROOT");
    /** A custom CONTENT_PATH_PREFIX the probes and the Ingress can follow: a plain quoted path. */
    private static final Pattern CONTENT_PATH_LITERAL = Pattern.compile("^\\s*[\"']?(/[A-Za-z0-9._/-]*/)[\"']?\\s*$");

    /** Reads objects of the Pulp's namespace; null when absent. */
    public interface Lookup {
        Secret secret(String name);

        ConfigMap configMap(String name);

        boolean claimExists(String name);
    }

    /** Either the inputs or the problems that stop reconciliation. */
    public record Result(PulpInputs inputs, List<InputProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Reads through the reconcile's caches (a user's claim through the API server). */
    static Lookup lookupIn(ManagedObjects<Pulp> objects) {
        return new Lookup() {
            @Override
            public Secret secret(String name) {
                return objects.referenced(Secret.class, name);
            }

            @Override
            public ConfigMap configMap(String name) {
                return objects.referenced(ConfigMap.class, name);
            }

            @Override
            public boolean claimExists(String name) {
                // A user's claim (spec.pvc): read once per reconcile, it is not worth an informer.
                return objects.client()
                                .persistentVolumeClaims()
                                .inNamespace(objects.namespace())
                                .withName(name)
                                .get()
                        != null;
            }
        };
    }

    private PulpInputsResolver() {}

    public static Result resolve(Pulp pulp, Lookup lookup) {
        PulpSpec spec = pulp.getSpec();
        PulpNames names = PulpNames.of(pulp);
        List<InputProblem> problems = new ArrayList<>();
        Map<String, Map<String, String>> referencedData = new LinkedHashMap<>();

        DatabaseSpec database = spec.getDatabase();
        String external = database == null ? null : database.getExternalDbSecret();
        String databaseSecret = external != null ? external : names.managedDatabaseSecret();
        if (external != null) {
            requireKeys(
                    lookup,
                    external,
                    DATABASE_KEYS,
                    PulpConditions.DATABASE_READY,
                    "database.external_db_secret",
                    problems,
                    referencedData);
        }

        CacheSpec cacheSpec = spec.getCache();
        PulpInputs.Cache cache = PulpInputs.Cache.NONE;
        String cacheSecret = null;
        if (cacheSpec != null && cacheSpec.getExternalCacheSecret() != null) {
            cache = PulpInputs.Cache.EXTERNAL;
            cacheSecret = cacheSpec.getExternalCacheSecret();
            requireKeys(
                    lookup,
                    cacheSecret,
                    CACHE_KEYS,
                    PulpConditions.CACHE_READY,
                    "cache.external_cache_secret",
                    problems,
                    referencedData);
        } else if (cacheSpec != null && Boolean.TRUE.equals(cacheSpec.getEnabled())) {
            cache = PulpInputs.Cache.MANAGED;
        }

        PulpInputs.Storage storage = PulpInputs.Storage.FILE_CLAIM;
        String storageName = names.fileStorageClaim();
        if (spec.getPvc() != null) {
            storage = PulpInputs.Storage.EXISTING_CLAIM;
            storageName = spec.getPvc();
            if (!lookup.claimExists(storageName)) {
                problems.add(new InputProblem(
                        PulpConditions.API_READY,
                        "ClaimNotFound",
                        "PersistentVolumeClaim " + storageName + " (spec.pvc) does not exist in namespace "
                                + namespace(pulp)));
            }
        } else if (spec.getObjectStorageS3Secret() != null) {
            storage = PulpInputs.Storage.S3;
            storageName = spec.getObjectStorageS3Secret();
            requireKeys(
                    lookup,
                    storageName,
                    S3_KEYS,
                    PulpConditions.API_READY,
                    "object_storage_s3_secret",
                    problems,
                    referencedData);
        } else if (spec.getObjectStorageAzureSecret() != null) {
            storage = PulpInputs.Storage.AZURE;
            storageName = spec.getObjectStorageAzureSecret();
            requireKeys(
                    lookup,
                    storageName,
                    AZURE_KEYS,
                    PulpConditions.API_READY,
                    "object_storage_azure_secret",
                    problems,
                    referencedData);
        }

        String adminSecret = userOrGenerated(
                lookup,
                spec.getAdminPasswordSecret(),
                names.adminPasswordSecret(),
                ADMIN_PASSWORD_KEY,
                "admin_password_secret",
                problems);
        String secretKeySecret = userOrGenerated(
                lookup, spec.getPulpSecretKey(), names.secretKeySecret(), SECRET_KEY_KEY, "pulp_secret_key", problems);
        String dbFieldsSecret = userOrGenerated(
                lookup,
                spec.getDbFieldsEncryptionSecret(),
                names.dbFieldsEncryptionSecret(),
                DB_FIELDS_KEY,
                "db_fields_encryption_secret",
                problems);

        TreeMap<String, String> custom = new TreeMap<>();
        if (spec.getCustomPulpSettings() != null) {
            ConfigMap settings = lookup.configMap(spec.getCustomPulpSettings());
            if (settings == null) {
                problems.add(new InputProblem(
                        PulpConditions.API_READY,
                        "ConfigMapNotFound",
                        "ConfigMap " + spec.getCustomPulpSettings()
                                + " (spec.custom_pulp_settings) does not exist in namespace " + namespace(pulp)));
            } else if (settings.getData() != null) {
                settings.getData().forEach((key, value) -> {
                    if (!SETTING_NAME.matcher(key).matches()) {
                        problems.add(new InputProblem(
                                PulpConditions.API_READY,
                                "InvalidCustomSetting",
                                "ConfigMap " + settings.getMetadata().getName() + " key " + key
                                        + " is not a pulpcore setting name (upper case letters, digits and _)"));
                    } else if (RESERVED_SETTINGS.contains(key)) {
                        problems.add(new InputProblem(
                                PulpConditions.API_READY,
                                "ReservedCustomSetting",
                                "ConfigMap " + settings.getMetadata().getName() + " key " + key
                                        + " is managed by the operator; set it through the Pulp spec instead"));
                    } else if (key.equals("CONTENT_PATH_PREFIX")
                            && !CONTENT_PATH_LITERAL.matcher(value).matches()) {
                        problems.add(new InputProblem(
                                PulpConditions.CONTENT_READY,
                                "InvalidCustomSetting",
                                "ConfigMap " + settings.getMetadata().getName()
                                        + " key CONTENT_PATH_PREFIX must be a quoted path that "
                                        + "starts and ends with /, such as \"/pulp/content/\""));
                    } else {
                        custom.put(key, value);
                    }
                });
            }
        }

        ContentOrigin origin = contentOrigin(pulp);
        PulpInputs unrendered = new PulpInputs(
                image(spec),
                databaseSecret,
                external == null,
                cache,
                cacheSecret,
                storage,
                storageName,
                adminSecret,
                secretKeySecret,
                dbFieldsSecret,
                custom,
                origin.url(),
                origin.note(),
                customDomainDigest(storage, storageName, referencedData),
                ConfigHash.of(referencedData),
                null,
                null);
        if (!problems.isEmpty()) {
            return new Result(unrendered, List.copyOf(problems));
        }
        String settings = PulpSettings.render(pulp, unrendered);
        return new Result(unrendered.rendered(settings, PulpPods.configHash(pulp, unrendered, settings)), List.of());
    }

    /** The path the content app serves under: pulpcore's default, or a custom CONTENT_PATH_PREFIX. */
    public static String contentPath(PulpInputs inputs) {
        String custom = inputs.customSettings().get("CONTENT_PATH_PREFIX");
        if (custom == null) {
            return DEFAULT_CONTENT_PATH;
        }
        var matcher = CONTENT_PATH_LITERAL.matcher(custom);
        return matcher.matches() ? matcher.group(1) : DEFAULT_CONTENT_PATH;
    }

    public static String image(PulpSpec spec) {
        String repository = spec.getImage() == null ? "quay.io/pulp/pulp-minimal" : spec.getImage();
        String tag = spec.getImageVersion() == null ? PulpSpec.DEFAULT_VERSION : spec.getImageVersion();
        return repository.contains("@") ? repository : repository + ":" + tag;
    }

    /** A digest of s3-custom-domain (what object storage redirects point to), without reading it into text. */
    private static String customDomainDigest(
            PulpInputs.Storage storage, String secret, Map<String, Map<String, String>> referencedData) {
        Map<String, String> data = referencedData.get(secret);
        String value = storage == PulpInputs.Storage.S3 && data != null ? data.get(S3_CUSTOM_DOMAIN_KEY) : null;
        return value == null || value.isEmpty()
                ? null
                : ConfigHash.ofText(value).substring(0, 10);
    }

    /** CONTENT_ORIGIN and, when it is only a guess, why. */
    record ContentOrigin(String url, String note) {}

    /**
     * CONTENT_ORIGIN, the address clients download from: the spec's, else the exposed host, else the web
     * proxy's Service, else the content Service. With an exposure whose address only the cluster knows
     * (a node's, a load balancer's, a host OpenShift chooses) it is a guess, and the note says so.
     */
    static ContentOrigin contentOrigin(Pulp pulp) {
        PulpSpec spec = pulp.getSpec();
        if (spec.getContentOrigin() != null) {
            return new ContentOrigin(spec.getContentOrigin(), null);
        }
        ExposureType exposure = spec.getIngressType() == null ? ExposureType.none : spec.getIngressType();
        if (exposure == ExposureType.ingress && spec.getIngressHost() != null) {
            return new ContentOrigin(
                    (spec.getIngressTlsSecret() != null ? "https://" : "http://") + spec.getIngressHost(), null);
        }
        if (exposure == ExposureType.route && spec.getRouteHost() != null) {
            return new ContentOrigin("https://" + spec.getRouteHost(), null);
        }
        PulpNames names = PulpNames.of(pulp);
        String service = spec.getWeb() != null
                ? "http://" + names.web() + "." + namespace(pulp) + ".svc:" + WEB_PORT
                : "http://" + names.component(PulpComponent.CONTENT) + "." + namespace(pulp) + ".svc:"
                        + PulpComponent.CONTENT.port();
        String note = switch (exposure) {
            case route -> "OpenShift chooses the Route's host (route_host is unset)";
            case nodeport -> "clients reach Pulp through a node's address (ingress_type nodeport)";
            case loadbalancer ->
                "clients reach Pulp through the load balancer's address" + " (ingress_type loadbalancer)";
            default -> null;
        };
        return new ContentOrigin(
                service,
                note == null
                        ? null
                        : "CONTENT_ORIGIN is " + service + ", which only clients inside the cluster reach: " + note
                                + ". Set content_origin to the address clients use.");
    }

    private static String userOrGenerated(
            Lookup lookup, String userSecret, String generated, String key, String field, List<InputProblem> problems) {
        if (userSecret == null) {
            return generated;
        }
        requireKeys(lookup, userSecret, List.of(key), PulpConditions.API_READY, field, problems, null);
        return userSecret;
    }

    private static void requireKeys(
            Lookup lookup,
            String name,
            List<String> keys,
            String condition,
            String field,
            List<InputProblem> problems,
            Map<String, Map<String, String>> referencedData) {
        Secret secret = lookup.secret(name);
        if (secret == null) {
            problems.add(new InputProblem(
                    condition,
                    "SecretNotFound",
                    "Secret " + name + " (spec." + field + ") does not exist; create it with keys "
                            + String.join(", ", keys)));
            return;
        }
        Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
        List<String> missing = keys.stream()
                .filter(k -> data.get(k) == null || data.get(k).isEmpty())
                .toList();
        if (!missing.isEmpty()) {
            problems.add(new InputProblem(
                    condition,
                    "SecretKeyMissing",
                    "Secret " + name + " (spec." + field + ") has no key " + String.join(", ", missing)));
            return;
        }
        if (referencedData != null) {
            referencedData.put(name, new TreeMap<>(data));
        }
    }

    private static String namespace(Pulp pulp) {
        return pulp.getMetadata().getNamespace();
    }
}
