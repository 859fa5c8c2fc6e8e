package org.theforeman.operator.foreman.components;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.ConditionTypes.ForemanConditions;
import org.theforeman.operator.api.v1alpha1.DatabaseSpec;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.common.datastore.ManagedPostgres;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.resources.ConfigHash;
import org.theforeman.operator.common.resources.GeneratedSecrets;
import org.theforeman.operator.common.resources.WriteOnceSecret;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.common.status.ComponentState.Phase;
import org.theforeman.operator.common.tls.CertificateRequest;
import org.theforeman.operator.common.tls.IssuedCertificate;
import org.theforeman.operator.common.tls.Pem;
import org.theforeman.operator.common.tls.Renewal;
import org.theforeman.operator.common.tls.SuiteCa;
import org.theforeman.operator.common.tls.SuiteCaSecret;
import org.theforeman.operator.common.workload.DeploymentReadiness;
import org.theforeman.operator.common.workload.DeploymentRollouts;
import org.theforeman.operator.common.workload.Jobs;
import org.theforeman.operator.foreman.ForemanInputs;
import org.theforeman.operator.foreman.ForemanOperator;
import org.theforeman.operator.foreman.ForemanPlugins;
import org.theforeman.operator.foreman.Release;
import org.theforeman.operator.foreman.model.CandlepinObjects;
import org.theforeman.operator.foreman.model.KatelloConfig;
import org.theforeman.operator.foreman.model.KatelloNames;

/**
 * CandlepinReady (plugins.katello): Candlepin's database and role (created on the managed PostgreSQL by a
 * Job, or the user's Secret with an external database), its OAuth secret, CA and TLS certificate (kept
 * data), candlepin.conf, its Deployment and Service; and katello.yaml for Foreman's pods. With Katello off,
 * the running parts go and the data stays; katello.yaml stays while the pods still run a release with
 * Katello (until the migration without it completed).
 */
public final class Candlepin {
    private static final Duration CERTIFICATE_LIFETIME = Duration.ofDays(825);

    /**
     * @param state CandlepinReady, or null with Katello off
     * @param katelloHash the hash of katello.yaml and its CA, rolled into pods that load Katello
     */
    public record Result(ComponentState state, String katelloHash) {
        public boolean ready() {
            return state == null || state.phase() == Phase.READY;
        }
    }

    private Candlepin() {}

    public static Result reconcile(
            ManagedObjects<Foreman> objects, ForemanInputs inputs, ComponentState database, Instant now) {
        Foreman foreman = objects.primary();
        KatelloNames names = KatelloNames.of(foreman);
        if (!ForemanPlugins.enabled(foreman.getSpec(), "katello")) {
            removeRunningParts(objects, names);
            return new Result(null, null);
        }
        String oauth = GeneratedSecrets.decode(WriteOnceSecret.apply(
                        objects,
                        CandlepinObjects.oauthSecret(
                                foreman, objects.cached(Secret.class, names.candlepinOauthSecret())))
                .get(CandlepinObjects.OAUTH_SECRET_KEY));
        ForemanInputs.Database connection = connection(objects, inputs, names);
        if (connection == null) {
            return new Result(
                    ComponentState.failed(
                            ForemanConditions.CANDLEPIN_READY,
                            "CandlepinDatabaseSecretIncomplete",
                            "Secret " + names.candlepinDatabaseSecret() + " (Candlepin's database with an external"
                                    + " database) must exist with keys " + String.join(", ", ManagedPostgres.KEYS)
                                    + "."),
                    null);
        }
        SuiteCa suiteCa = SuiteCaSecret.ensure(objects.client(), objects.namespace(), ForemanOperator.NAME, now);
        Secret ca = candlepinCa(objects, names, now);
        Secret tls = serverCertificate(objects, names, suiteCa, now);
        Secret katello = objects.apply(KatelloConfig.secret(foreman, oauth, suiteCa.certificatePem()));
        Secret config = objects.apply(CandlepinObjects.configSecret(foreman, connection, oauth));
        String katelloHash = ConfigHash.of(katello.getData());
        if (inputs.managedDatabase()) {
            ComponentState created = databaseCreated(objects, foreman, connection, database);
            if (created != null) {
                return new Result(created, katelloHash);
            }
        }
        String podHash = ConfigHash.of(
                config.getData(),
                ca.getData().get(IssuedCertificate.TLS_CRT),
                tls.getData().get(IssuedCertificate.TLS_CRT));
        objects.apply(CandlepinObjects.service(foreman));
        Deployment deployment = DeploymentRollouts.apply(objects, CandlepinObjects.deployment(foreman, podHash));
        String image = deployment
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage();
        return new Result(DeploymentReadiness.of(ForemanConditions.CANDLEPIN_READY, deployment, image), katelloHash);
    }

    /** The pod hash: the configuration's, plus katello.yaml's when the pods' release loads Katello. */
    public static String podHash(String configHash, Release release, Result candlepin) {
        if (release == null || !release.plugins().contains("katello") || candlepin.katelloHash() == null) {
            return configHash;
        }
        return ConfigHash.of(configHash, candlepin.katelloHash());
    }

    /** Drops katello.yaml once neither the spec nor the pods' release has Katello. */
    public static void retireKatelloConfig(ManagedObjects<Foreman> objects, Release podRelease) {
        Foreman foreman = objects.primary();
        boolean running = podRelease != null && podRelease.plugins().contains("katello");
        if (!running && !ForemanPlugins.enabled(foreman.getSpec(), "katello")) {
            objects.deleteIfPresent(Secret.class, KatelloNames.of(foreman).katelloSecret());
        }
    }

    private static void removeRunningParts(ManagedObjects<Foreman> objects, KatelloNames names) {
        objects.deleteIfPresent(Deployment.class, names.candlepin());
        objects.deleteIfPresent(Service.class, names.candlepin());
        objects.deleteIfPresent(Secret.class, names.candlepinConfigSecret());
        objects.cachedOfComponent(Job.class, CandlepinObjects.DB_JOB_COMPONENT).forEach(objects::delete);
    }

    /** Candlepin's database: generated on the managed PostgreSQL, else the user's Secret (null if incomplete). */
    private static ForemanInputs.Database connection(
            ManagedObjects<Foreman> objects, ForemanInputs inputs, KatelloNames names) {
        Foreman foreman = objects.primary();
        Map<String, String> data;
        if (inputs.managedDatabase()) {
            data = WriteOnceSecret.apply(
                    objects,
                    CandlepinObjects.managedDatabaseSecret(
                            foreman, objects.cached(Secret.class, names.candlepinDatabaseSecret())));
        } else {
            Secret secret = objects.referenced(Secret.class, names.candlepinDatabaseSecret());
            data = secret == null ? null : secret.getData();
        }
        if (data == null || !data.keySet().containsAll(ManagedPostgres.KEYS)) {
            return null;
        }
        return new ForemanInputs.Database(
                value(data, ManagedPostgres.HOST),
                value(data, ManagedPostgres.PORT_KEY),
                value(data, ManagedPostgres.USERNAME),
                value(data, ManagedPostgres.PASSWORD),
                value(data, ManagedPostgres.DATABASE),
                data.containsKey(ManagedPostgres.SSLMODE) ? value(data, ManagedPostgres.SSLMODE) : "prefer",
                null);
    }

    /** Null once the Job creating the role and database completed; else the state to report meanwhile. */
    private static ComponentState databaseCreated(
            ManagedObjects<Foreman> objects, Foreman foreman, ForemanInputs.Database connection, ComponentState db) {
        if (db.phase() != Phase.READY) {
            return ComponentState.progressing(
                    ForemanConditions.CANDLEPIN_READY, "WaitingForDatabase", "Candlepin waits for PostgreSQL.");
        }
        String name = CandlepinObjects.databaseJobName(foreman, connection);
        Job job = objects.cached(Job.class, name);
        if (job == null) {
            DatabaseSpec spec = foreman.getSpec().getDatabase();
            String image = spec == null || spec.getPostgresImage() == null
                    ? ManagedPostgres.DEFAULT_IMAGE
                    : spec.getPostgresImage();
            job = objects.apply(CandlepinObjects.databaseJob(foreman, connection, image));
        }
        if (Jobs.condition(job, Jobs.COMPLETE).isPresent()) {
            return null;
        }
        if (Jobs.condition(job, Jobs.FAILED).isPresent()) {
            return ComponentState.failed(
                    ForemanConditions.CANDLEPIN_READY,
                    "CandlepinDatabaseFailed",
                    "Job " + name + " could not create Candlepin's role and database; see its pod's log.");
        }
        return ComponentState.progressing(
                ForemanConditions.CANDLEPIN_READY,
                "CreatingCandlepinDatabase",
                "Job " + name + " creates Candlepin's role and database.");
    }

    /** Candlepin's CA, generated once: never replaced (entitlement certificates out there depend on it). */
    private static Secret candlepinCa(ManagedObjects<Foreman> objects, KatelloNames names, Instant now) {
        Secret existing = cachedOrRead(objects, names.candlepinCaSecret());
        if (existing != null
                && existing.getData() != null
                && existing.getData().get(IssuedCertificate.TLS_KEY) != null) {
            return existing;
        }
        SuiteCa generated = SuiteCa.generate("Candlepin CA " + objects.namespace() + "/" + names.name(), now);
        return objects.apply(CandlepinObjects.caSecret(objects.primary(), generated));
    }

    /** Tomcat's certificate: kept while it names the Service, is issued by the suite CA and is not due. */
    private static Secret serverCertificate(
            ManagedObjects<Foreman> objects, KatelloNames names, SuiteCa ca, Instant now) {
        Foreman foreman = objects.primary();
        List<String> dnsNames = CandlepinObjects.dnsNames(foreman);
        Secret existing = cachedOrRead(objects, names.candlepinTlsSecret());
        if (existing != null
                && existing.getData() != null
                && existing.getData().get(IssuedCertificate.TLS_CRT) != null) {
            try {
                X509Certificate certificate = Pem.parseCertificate(
                        GeneratedSecrets.decode(existing.getData().get(IssuedCertificate.TLS_CRT)));
                if (Renewal.matches(certificate, dnsNames, ca.certificate()) && !Renewal.isDue(certificate, now)) {
                    return existing;
                }
            } catch (IllegalArgumentException e) {
                // not a certificate: issue a new one
            }
        }
        IssuedCertificate issued = ca.issue(
                new CertificateRequest(
                        dnsNames.get(0), dnsNames, CertificateRequest.Usage.SERVER, CERTIFICATE_LIFETIME),
                now);
        return objects.apply(CandlepinObjects.tlsSecret(foreman, issued));
    }

    /** A Secret written a moment ago may not be in the cache yet; generating twice would replace it. */
    private static Secret cachedOrRead(ManagedObjects<Foreman> objects, String name) {
        Secret cached = objects.cached(Secret.class, name);
        return cached != null
                ? cached
                : objects.client()
                        .secrets()
                        .inNamespace(objects.namespace())
                        .withName(name)
                        .get();
    }

    private static String value(Map<String, String> data, String key) {
        return GeneratedSecrets.decode(data.get(key));
    }
}
