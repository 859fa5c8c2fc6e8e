package org.theforeman.operator.foreman;

import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.theforeman.operator.api.v1alpha1.ConditionTypes.ForemanConditions;
import org.theforeman.operator.api.v1alpha1.ExposureType;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.api.v1alpha1.ForemanSpec;
import org.theforeman.operator.api.v1alpha1.IngressSpec;
import org.theforeman.operator.common.datastore.ManagedPostgres;
import org.theforeman.operator.common.datastore.ManagedRedis;
import org.theforeman.operator.common.resources.GeneratedSecrets;
import org.theforeman.operator.foreman.ForemanInputs.Admin;
import org.theforeman.operator.foreman.ForemanInputs.Database;
import org.theforeman.operator.foreman.ForemanInputs.Endpoint;
import org.theforeman.operator.foreman.ForemanInputs.Redis;
import org.theforeman.operator.foreman.ForemanInputs.SecretKey;

/**
 * Checks the Secrets a Foreman refers to and resolves its inputs, before anything is written. A problem
 * names the Secret, the field that refers to it and the key; values never appear in messages.
 */
public final class ForemanInputsResolver {
    public static final String IMAGE_REPOSITORY = "quay.io/foreman/foreman";
    /** Puma's port (FOREMAN_PORT), the web Service's too. */
    public static final int WEB_PORT = 3000;
    /** The key of the encryption key, in the generated Secret and in an adopted one. */
    public static final String ENCRYPTION_KEY = "ENCRYPTION_KEY";
    /** Foreman's advice for its encryption key: at least 32 characters. */
    static final int MIN_KEY_LENGTH = 32;
    /** Keys of an administrator's Secret (status.adminSecret). */
    public static final String USERNAME = "username";

    public static final String PASSWORD = "password";
    /** The optional CA of an external database's server certificate. */
    public static final String CA_KEY = "ca.crt";

    /** The inputs, or (inputs null) the problems that stop the reconcile before anything is written. */
    public record Result(ForemanInputs inputs, List<InputProblem> problems) {}

    private ForemanInputsResolver() {}

    public static Result resolve(Foreman foreman, Function<String, Secret> lookup) {
        ForemanSpec spec = foreman.getSpec();
        ForemanNames names = ForemanNames.of(foreman);
        List<InputProblem> problems = new ArrayList<>();
        Database database = null;
        String dbSecretName =
                spec.getDatabase() == null ? null : spec.getDatabase().getExternalDbSecret();
        if (dbSecretName != null) {
            Secret secret = require(
                    lookup,
                    dbSecretName,
                    "spec.database.external_db_secret",
                    ForemanConditions.DATABASE_READY,
                    problems);
            if (secret != null
                    && requireKeys(
                            secret,
                            ManagedPostgres.KEYS,
                            "spec.database.external_db_secret",
                            ForemanConditions.DATABASE_READY,
                            problems)) {
                database = new Database(
                        value(secret, ManagedPostgres.HOST),
                        value(secret, ManagedPostgres.PORT_KEY),
                        value(secret, ManagedPostgres.USERNAME),
                        value(secret, ManagedPostgres.PASSWORD),
                        value(secret, ManagedPostgres.DATABASE),
                        Objects.requireNonNullElse(value(secret, ManagedPostgres.SSLMODE), "prefer"),
                        value(secret, CA_KEY) == null ? null : dbSecretName);
            }
        }
        Redis redis = null;
        String cacheSecretName =
                spec.getCache() == null ? null : spec.getCache().getExternalCacheSecret();
        if (cacheSecretName != null) {
            Secret secret = require(
                    lookup,
                    cacheSecretName,
                    "spec.cache.external_cache_secret",
                    ForemanConditions.CACHE_READY,
                    problems);
            if (secret != null
                    && requireKeys(
                            secret,
                            List.of(ManagedRedis.HOST, ManagedRedis.PORT_KEY),
                            "spec.cache.external_cache_secret",
                            ForemanConditions.CACHE_READY,
                            problems)) {
                redis = new Redis(
                        value(secret, ManagedRedis.HOST),
                        value(secret, ManagedRedis.PORT_KEY),
                        value(secret, ManagedRedis.PASSWORD));
            }
        }
        SecretKey encryptionKey = new SecretKey(names.encryptionKeySecret(), ENCRYPTION_KEY);
        String adminUser = spec.getAdmin() == null || spec.getAdmin().getUsername() == null
                ? "admin"
                : spec.getAdmin().getUsername();
        Admin admin = new Admin(adminUser, new SecretKey(names.adminSecret(), PASSWORD), names.adminSecret());
        String adopted = spec.getEncryptionKeySecret();
        if (adopted != null) {
            Secret secret = require(
                    lookup, adopted, "spec.encryption_key_secret", ForemanConditions.CREDENTIALS_READY, problems);
            if (secret != null
                    && requireKeys(
                            secret,
                            List.of(ENCRYPTION_KEY),
                            "spec.encryption_key_secret",
                            ForemanConditions.CREDENTIALS_READY,
                            problems)) {
                if (value(secret, ENCRYPTION_KEY).length() < MIN_KEY_LENGTH) {
                    problems.add(new InputProblem(
                            ForemanConditions.CREDENTIALS_READY,
                            "InvalidEncryptionKey",
                            "Secret " + adopted + " (spec.encryption_key_secret): " + ENCRYPTION_KEY
                                    + " is shorter than " + MIN_KEY_LENGTH + " characters"));
                }
                encryptionKey = new SecretKey(adopted, ENCRYPTION_KEY);
                if (value(secret, PASSWORD) != null) {
                    // The adopted install's administrator: its Secret is the one to log in with.
                    admin = new Admin(
                            Objects.requireNonNullElse(value(secret, USERNAME), adminUser),
                            new SecretKey(adopted, PASSWORD),
                            adopted);
                }
            }
        }
        String passwordSecret = spec.getAdmin() == null ? null : spec.getAdmin().getPasswordSecret();
        if (passwordSecret != null) {
            Secret secret = require(
                    lookup,
                    passwordSecret,
                    "spec.admin.password_secret",
                    ForemanConditions.CREDENTIALS_READY,
                    problems);
            if (secret != null
                    && requireKeys(
                            secret,
                            List.of(PASSWORD),
                            "spec.admin.password_secret",
                            ForemanConditions.CREDENTIALS_READY,
                            problems)) {
                admin = new Admin(admin.username(), new SecretKey(passwordSecret, PASSWORD), passwordSecret);
            }
        }
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        Release release = new Release(image(spec), List.copyOf(ForemanPlugins.gems(spec)));
        return new Result(
                new ForemanInputs(release, endpoint(foreman), database, redis, encryptionKey, admin), List.of());
    }

    public static String image(ForemanSpec spec) {
        if (spec.getImage() != null) {
            return spec.getImage();
        }
        return IMAGE_REPOSITORY + ":" + Objects.requireNonNullElse(spec.getVersion(), ForemanSpec.DEFAULT_VERSION);
    }

    /**
     * The host name is spec.hostname, else the ingress host, else the web Service's cluster name. TLS ends
     * at an Ingress with a certificate or a Route, so only those make the URL https.
     */
    public static Endpoint endpoint(Foreman foreman) {
        ForemanSpec spec = foreman.getSpec();
        String service = ForemanNames.of(foreman).web();
        String namespace = foreman.getMetadata().getNamespace();
        String clusterHost = service + "." + namespace + ".svc";
        String internalUrl = "http://" + clusterHost + ":" + WEB_PORT;
        IngressSpec ingress = spec.getIngress();
        ExposureType type = ingress == null || ingress.getType() == null ? ExposureType.none : ingress.getType();
        String ingressHost = ingress == null ? null : ingress.getHost();
        String fqdn = spec.getHostname() != null ? spec.getHostname() : ingressHost != null ? ingressHost : clusterHost;
        boolean tls = type == ExposureType.route || (type == ExposureType.ingress && ingress.getTlsSecret() != null);
        String url;
        if (type == ExposureType.ingress || type == ExposureType.route || spec.getHostname() != null) {
            url = (tls ? "https://" : "http://") + fqdn;
        } else {
            url = internalUrl;
        }
        LinkedHashSet<String> hosts = new LinkedHashSet<>();
        hosts.add(fqdn);
        if (ingressHost != null) {
            hosts.add(ingressHost);
        }
        hosts.add(service);
        hosts.add(service + "." + namespace);
        hosts.add(clusterHost);
        hosts.add(clusterHost + ".cluster.local");
        return new Endpoint(fqdn, url, List.copyOf(hosts), internalUrl);
    }

    private static Secret require(
            Function<String, Secret> lookup, String name, String field, String condition, List<InputProblem> problems) {
        Secret secret = lookup.apply(name);
        if (secret == null) {
            problems.add(new InputProblem(
                    condition,
                    "SecretNotFound",
                    "Secret " + name + " (" + field + ") does not exist; create it or change the field"));
        }
        return secret;
    }

    private static boolean requireKeys(
            Secret secret, List<String> keys, String field, String condition, List<InputProblem> problems) {
        List<String> missing =
                keys.stream().filter(k -> value(secret, k) == null).toList();
        if (!missing.isEmpty()) {
            problems.add(new InputProblem(
                    condition,
                    "SecretKeyMissing",
                    "Secret " + secret.getMetadata().getName() + " (" + field + ") has no "
                            + (missing.size() == 1 ? "key " : "keys ") + String.join(", ", missing)));
        }
        return missing.isEmpty();
    }

    /** The decoded value of a key, or null when absent or empty. */
    public static String value(Secret secret, String key) {
        String encoded = secret.getData() == null ? null : secret.getData().get(key);
        String plain = encoded != null
                ? GeneratedSecrets.decode(encoded)
                : secret.getStringData() == null ? null : secret.getStringData().get(key);
        return plain == null || plain.isEmpty() ? null : plain;
    }
}
