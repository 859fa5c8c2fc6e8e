package org.theforeman.operator.foreman.model;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HTTPGetActionBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.theforeman.operator.api.v1alpha1.ComponentSpec;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.common.datastore.ManagedPostgres;
import org.theforeman.operator.common.resources.ClusterServices;
import org.theforeman.operator.common.resources.ComponentPods;
import org.theforeman.operator.common.resources.ConfigHash;
import org.theforeman.operator.common.resources.EnvVars;
import org.theforeman.operator.common.resources.GeneratedSecrets;
import org.theforeman.operator.common.resources.ManagedMetadata;
import org.theforeman.operator.common.resources.PodSecurity;
import org.theforeman.operator.common.resources.RolloutStrategies;
import org.theforeman.operator.common.resources.StandardLabels;
import org.theforeman.operator.common.tls.IssuedCertificate;
import org.theforeman.operator.common.tls.SuiteCa;
import org.theforeman.operator.foreman.ForemanInputs;
import org.theforeman.operator.foreman.ForemanNames;

/**
 * Candlepin's objects (plugins.katello), one builder each: its generated credentials, CA and TLS Secrets
 * (data: no owner reference, kept when Katello is turned off), the Job that creates its role and database
 * on the managed PostgreSQL, its config Secret, Deployment and Service.
 */
public final class CandlepinObjects {
    public static final String COMPONENT = "candlepin";
    public static final String DATA_COMPONENT = "candlepin-data";
    public static final String DB_JOB_COMPONENT = "candlepin-database";
    public static final String DEFAULT_IMAGE = "quay.io/foreman/candlepin:4.4.14";
    public static final String OAUTH_SECRET_KEY = "oauth_secret";
    public static final String DATABASE_NAME = "candlepin";
    public static final String DATABASE_USER = "candlepin";
    /** The managed PostgreSQL's superuser password (sclorg's POSTGRESQL_ADMIN_PASSWORD), in its Secret. */
    public static final String ADMIN_PASSWORD_KEY = "POSTGRES_ADMIN_PASSWORD";
    /** The tomcat user of the image (uid and gid 53, as foremanctl mounts its files). */
    public static final long TOMCAT_UID = 53L;

    private CandlepinObjects() {}

    /** The OAuth secret of consumer katello, shared by katello.yaml and candlepin.conf. */
    public static Secret oauthSecret(Foreman foreman, Secret existing) {
        Map<String, Supplier<String>> values = new LinkedHashMap<>();
        values.put(OAUTH_SECRET_KEY, () -> CredentialSecrets.RANDOM.alphanumeric(32));
        return data(foreman, KatelloNames.of(foreman).candlepinOauthSecret(), existing, values);
    }

    /** Candlepin's database on the managed PostgreSQL, in the keys of an external database's Secret. */
    public static Secret managedDatabaseSecret(Foreman foreman, Secret existing) {
        Map<String, Supplier<String>> values = new LinkedHashMap<>();
        values.put(ManagedPostgres.HOST, () -> ForemanNames.of(foreman).postgres());
        values.put(ManagedPostgres.PORT_KEY, () -> Integer.toString(ManagedPostgres.PORT));
        values.put(ManagedPostgres.USERNAME, () -> DATABASE_USER);
        values.put(ManagedPostgres.PASSWORD, () -> CredentialSecrets.RANDOM.alphanumeric(32));
        values.put(ManagedPostgres.DATABASE, () -> DATABASE_NAME);
        values.put(ManagedPostgres.SSLMODE, () -> "prefer");
        return data(foreman, KatelloNames.of(foreman).candlepinDatabaseSecret(), existing, values);
    }

    /** Candlepin's own CA, which signs entitlement certificates: generated once, never replaced. */
    public static Secret caSecret(Foreman foreman, SuiteCa ca) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(IssuedCertificate.TLS_CRT, GeneratedSecrets.encode(ca.certificatePem()));
        data.put(IssuedCertificate.TLS_KEY, GeneratedSecrets.encode(ca.privateKeyPem()));
        return new SecretBuilder()
                .withMetadata(meta(foreman, KatelloNames.of(foreman).candlepinCaSecret(), DATA_COMPONENT, true))
                .withType("kubernetes.io/tls")
                .withData(data)
                .build();
    }

    /** Tomcat's server certificate, issued by the namespace's suite CA. */
    public static Secret tlsSecret(Foreman foreman, IssuedCertificate issued) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(IssuedCertificate.TLS_CRT, GeneratedSecrets.encode(issued.certificatePem()));
        data.put(IssuedCertificate.TLS_KEY, GeneratedSecrets.encode(issued.privateKeyPem()));
        data.put(IssuedCertificate.CA_CRT, GeneratedSecrets.encode(issued.caPem()));
        return new SecretBuilder()
                .withMetadata(meta(foreman, KatelloNames.of(foreman).candlepinTlsSecret(), DATA_COMPONENT, true))
                .withType("kubernetes.io/tls")
                .withData(data)
                .build();
    }

    /** The host names of Candlepin's Service, for its certificate and katello.yaml. */
    public static List<String> dnsNames(Foreman foreman) {
        String service = KatelloNames.of(foreman).candlepin();
        String namespace = foreman.getMetadata().getNamespace();
        return List.of(
                service + "." + namespace + ".svc",
                service,
                service + "." + namespace,
                service + "." + namespace + ".svc.cluster.local");
    }

    /** The URL Katello calls Candlepin at. */
    public static String url(Foreman foreman) {
        return "https://" + dnsNames(foreman).get(0) + ":" + CandlepinConfig.PORT + "/candlepin";
    }

    public static Secret configSecret(Foreman foreman, ForemanInputs.Database database, String oauthSecret) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(CandlepinConfig.CONF, GeneratedSecrets.encode(CandlepinConfig.conf(database, oauthSecret)));
        data.put(CandlepinConfig.SERVER_XML, GeneratedSecrets.encode(CandlepinConfig.serverXml()));
        data.put(
                CandlepinConfig.TOMCAT_CONF,
                GeneratedSecrets.encode(
                        CandlepinConfig.tomcatConf(settings(foreman).getResourceRequirements())));
        return new SecretBuilder()
                .withMetadata(meta(foreman, KatelloNames.of(foreman).candlepinConfigSecret(), COMPONENT, false))
                .withType("Opaque")
                .withData(data)
                .build();
    }

    /** The Job's name: after the database it creates, so that another database or role gets a new Job. */
    public static String databaseJobName(Foreman foreman, ForemanInputs.Database candlepin) {
        return KatelloNames.of(foreman)
                .candlepinDatabaseJob(ConfigHash.of(candlepin.host(), candlepin.name(), candlepin.username()));
    }

    /**
     * Creates Candlepin's role (or resets its password) and its database owned by it, as PostgreSQL's
     * superuser; idempotent. Passwords reach psql only through the environment.
     *
     * @param postgresImage the image of the managed PostgreSQL (its psql)
     */
    public static Job databaseJob(Foreman foreman, ForemanInputs.Database candlepin, String postgresImage) {
        String adminSecret = ForemanNames.of(foreman).managedDatabaseSecret();
        String secret = KatelloNames.of(foreman).candlepinDatabaseSecret();
        String script = String.join(
                "\n",
                "set -eu",
                "export PGPASSWORD=\"$ADMIN_PASSWORD\"",
                "until pg_isready -h \"$DB_HOST\" -p \"$DB_PORT\" -U postgres; do sleep 2; done",
                "psql -v ON_ERROR_STOP=1 -h \"$DB_HOST\" -p \"$DB_PORT\" -U postgres -d postgres"
                        + " -v role=\"$DB_USER\" -v password=\"$DB_PASSWORD\" -v db=\"$DB_NAME\" <<'SQL'",
                "SELECT format('CREATE ROLE %I LOGIN', :'role')"
                        + " WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \\gexec",
                "SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'role', :'password') \\gexec",
                "SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')"
                        + " WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \\gexec",
                "SQL");
        List<EnvVar> env = List.of(
                EnvVars.fromSecret("ADMIN_PASSWORD", adminSecret, ADMIN_PASSWORD_KEY),
                EnvVars.fromSecret("DB_HOST", secret, ManagedPostgres.HOST),
                EnvVars.fromSecret("DB_PORT", secret, ManagedPostgres.PORT_KEY),
                EnvVars.fromSecret("DB_USER", secret, ManagedPostgres.USERNAME),
                EnvVars.fromSecret("DB_PASSWORD", secret, ManagedPostgres.PASSWORD),
                EnvVars.fromSecret("DB_NAME", secret, ManagedPostgres.DATABASE));
        Container psql = new ContainerBuilder()
                .withName("create-database")
                .withImage(postgresImage)
                .withImagePullPolicy("IfNotPresent")
                .withCommand("/bin/bash", "-c", script)
                .withEnv(env)
                .withSecurityContext(PodSecurity.container())
                .build();
        return new JobBuilder()
                .withMetadata(meta(foreman, databaseJobName(foreman, candlepin), DB_JOB_COMPONENT, false))
                .withNewSpec()
                .withBackoffLimit(6)
                .withActiveDeadlineSeconds(900L)
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(ForemanMeta.owned(foreman, "pod", DB_JOB_COMPONENT).getLabels())
                .endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withSecurityContext(PodSecurity.pod(26L, null, null))
                .withContainers(psql)
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    /**
     * @param configHash of the config Secret and the certificates: a change rolls Candlepin once
     */
    public static Deployment deployment(Foreman foreman, String configHash) {
        KatelloNames names = KatelloNames.of(foreman);
        ComponentSpec settings = settings(foreman);
        List<EnvVar> env = new ArrayList<>();
        if (settings.getEnvVars() != null) {
            env.addAll(settings.getEnvVars());
        }
        Container candlepin = new ContainerBuilder()
                .withName(COMPONENT)
                .withImage(Objects.requireNonNullElse(settings.getImage(), DEFAULT_IMAGE))
                .withImagePullPolicy("IfNotPresent")
                .withEnv(env)
                .addNewPort()
                .withName("https")
                .withContainerPort(CandlepinConfig.PORT)
                .endPort()
                .withVolumeMounts(mounts())
                .withResources(settings.getResourceRequirements())
                // Candlepin migrates its schema on startup (Liquibase): up to ten minutes.
                .withNewStartupProbe()
                .withHttpGet(status())
                .withPeriodSeconds(5)
                .withFailureThreshold(120)
                .endStartupProbe()
                .withNewReadinessProbe()
                .withHttpGet(status())
                .withPeriodSeconds(10)
                .withTimeoutSeconds(5)
                .endReadinessProbe()
                .withNewLivenessProbe()
                .withNewTcpSocket()
                .withPort(new IntOrString("https"))
                .endTcpSocket()
                .withPeriodSeconds(20)
                .withFailureThreshold(6)
                .endLivenessProbe()
                .withSecurityContext(PodSecurity.container())
                .build();
        Map<String, String> labels = StandardLabels.withUserLabels(
                settings.getPodLabels(),
                ForemanMeta.owned(foreman, "pod", COMPONENT).getLabels());
        ObjectMeta metadata = ForemanMeta.owned(foreman, names.candlepin(), COMPONENT);
        ManagedMetadata.addUserAnnotations(metadata, settings.getDeploymentAnnotations());
        return new DeploymentBuilder()
                .withMetadata(metadata)
                .withNewSpec()
                .withReplicas(1)
                .withNewSelector()
                .withMatchLabels(ForemanMeta.selector(foreman, COMPONENT))
                .endSelector()
                .withStrategy(RolloutStrategies.withoutUnavailability())
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(labels)
                .addToAnnotations(ConfigHash.ANNOTATION, configHash)
                .endMetadata()
                .withSpec(ComponentPods.scheduled(settings)
                        .withContainers(candlepin)
                        .withVolumes(volumes(names))
                        .withSecurityContext(PodSecurity.pod(TOMCAT_UID, TOMCAT_UID, TOMCAT_UID))
                        .build())
                .endTemplate()
                .endSpec()
                .build();
    }

    public static Service service(Foreman foreman) {
        return ClusterServices.clusterIp(
                ForemanMeta.owned(foreman, KatelloNames.of(foreman).candlepin(), COMPONENT),
                ForemanMeta.selector(foreman, COMPONENT),
                "https",
                CandlepinConfig.PORT);
    }

    static ComponentSpec settings(Foreman foreman) {
        return Objects.requireNonNullElseGet(foreman.getSpec().getCandlepin(), ComponentSpec::new);
    }

    private static HTTPGetAction status() {
        return new HTTPGetActionBuilder()
                .withPath(CandlepinConfig.STATUS)
                .withPort(new IntOrString("https"))
                .withScheme("HTTPS")
                .build();
    }

    private static List<VolumeMount> mounts() {
        return List.of(
                file("config", "/etc/candlepin/" + CandlepinConfig.CONF, CandlepinConfig.CONF),
                file("config", "/etc/tomcat/" + CandlepinConfig.SERVER_XML, CandlepinConfig.SERVER_XML),
                file("config", "/etc/tomcat/" + CandlepinConfig.TOMCAT_CONF, CandlepinConfig.TOMCAT_CONF),
                file("ca", CandlepinConfig.CA_CERT, IssuedCertificate.TLS_CRT),
                file("ca", CandlepinConfig.CA_KEY, IssuedCertificate.TLS_KEY),
                file("tls", CandlepinConfig.TLS_CERT, IssuedCertificate.TLS_CRT),
                file("tls", CandlepinConfig.TLS_KEY, IssuedCertificate.TLS_KEY));
    }

    private static VolumeMount file(String volume, String path, String key) {
        return new VolumeMountBuilder()
                .withName(volume)
                .withMountPath(path)
                .withSubPath(key)
                .withReadOnly(true)
                .build();
    }

    private static List<Volume> volumes(KatelloNames names) {
        return List.of(
                secretVolume("config", names.candlepinConfigSecret()),
                secretVolume("ca", names.candlepinCaSecret()),
                secretVolume("tls", names.candlepinTlsSecret()));
    }

    private static Volume secretVolume(String name, String secret) {
        return new VolumeBuilder()
                .withName(name)
                .withNewSecret()
                .withSecretName(secret)
                .withDefaultMode(0440)
                .endSecret()
                .build();
    }

    /** @param data kept when Katello is off or the Foreman is deleted (unless deletion_policy is Delete) */
    private static ObjectMeta meta(Foreman foreman, String name, String component, boolean data) {
        return data ? ForemanMeta.data(foreman, name, component) : ForemanMeta.owned(foreman, name, component);
    }

    private static Secret data(Foreman foreman, String name, Secret existing, Map<String, Supplier<String>> values) {
        return new SecretBuilder()
                .withMetadata(ForemanMeta.data(foreman, name, DATA_COMPONENT))
                .withType("Opaque")
                .withData(GeneratedSecrets.complete(existing, values))
                .build();
    }
}
