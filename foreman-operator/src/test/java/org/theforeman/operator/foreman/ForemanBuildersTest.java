package org.theforeman.operator.foreman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.common.resources.GeneratedSecrets;
import org.theforeman.operator.foreman.ForemanInputs.Database;
import org.theforeman.operator.foreman.ForemanInputs.Redis;
import org.theforeman.operator.foreman.model.ConfigSecret;
import org.theforeman.operator.foreman.model.ConnectionUrls;
import org.theforeman.operator.foreman.model.CredentialSecrets;
import org.theforeman.operator.foreman.model.Datastores;
import org.theforeman.operator.foreman.model.DynflowConfigMap;
import org.theforeman.operator.foreman.model.DynflowDeployment;
import org.theforeman.operator.foreman.model.ForemanSettings;
import org.theforeman.operator.foreman.model.MigrationJob;
import org.theforeman.operator.foreman.model.PumaSizing;
import org.theforeman.operator.foreman.model.RecurringCronJob;
import org.theforeman.operator.foreman.model.RecurringCronJob.Cadence;
import org.theforeman.operator.foreman.model.WebDeployment;
import org.theforeman.operator.foreman.model.WebExposure;

class ForemanBuildersTest {

    static Foreman foreman(String yaml) {
        Foreman foreman = Serialization.unmarshal(yaml, Foreman.class);
        foreman.getMetadata().setNamespace("ns");
        foreman.getMetadata().setUid("uid-1");
        return foreman;
    }

    static final Foreman SEED = foreman("""
            apiVersion: app.theforeman.org/v1alpha1
            kind: Foreman
            metadata: {name: fm}
            spec: {replicas: 2, dynflow_workers: 3}
            """);

    static ForemanInputs inputs(Foreman foreman) {
        ForemanInputsResolver.Result result = ForemanInputsResolver.resolve(foreman, name -> null);
        assertThat(result.problems()).isEmpty();
        return result.inputs();
    }

    static Map<String, String> env(Container container) {
        return container.getEnv().stream()
                .collect(Collectors.toMap(
                        EnvVar::getName,
                        e -> e.getValue() != null
                                ? e.getValue()
                                : e.getValueFrom() == null
                                        ? ""
                                        : "secret:"
                                                + e.getValueFrom()
                                                        .getSecretKeyRef()
                                                        .getName() + "/"
                                                + e.getValueFrom()
                                                        .getSecretKeyRef()
                                                        .getKey()));
    }

    static Secret secret(String name, Properties values) {
        Secret secret = new Secret();
        secret.setMetadata(new ObjectMeta());
        secret.getMetadata().setName(name);
        values.forEach((k, v) -> secret.getData().put((String) k, GeneratedSecrets.encode((String) v)));
        return secret;
    }

    @Test
    void databaseUrlEscapesEveryCharacterThatWouldChangeItsMeaning() {
        Database db =
                new Database("db.example.com", "5432", "fore man", "p@ss:w/o?r#d%2 +&=*~", "foreman", "require", null);
        assertThat(ConnectionUrls.database(db))
                .isEqualTo("postgresql://fore%20man:p%40ss%3Aw%2Fo%3Fr%23d%252%20%2B%26%3D%2A~@db.example.com:5432"
                        + "/foreman?pool=9&sslmode=require");
        Database withCa = new Database("fd00::1", "5433", "u", "pw", "db", "verify-full", "my-db");
        assertThat(ConnectionUrls.database(withCa))
                .isEqualTo("postgresql://u:pw@[fd00::1]:5433/db?pool=9&sslmode=verify-full"
                        + "&sslrootcert=/etc/foreman/db-ca/ca.crt");
        assertThat(ConnectionUrls.redis(new Redis("redis", "6379", "a/b@c"), 6))
                .isEqualTo("redis://:a%2Fb%40c@redis:6379/6");
        assertThat(ConnectionUrls.redis(new Redis("redis", "6379", null), 4)).isEqualTo("redis://redis:6379/4");
    }

    @Test
    void settingsYamlCarriesUrlHostsCacheOAuthAndTheUsersSettings() {
        Foreman foreman = foreman("""
                apiVersion: app.theforeman.org/v1alpha1
                kind: Foreman
                metadata: {name: fm}
                spec:
                  hostname: foreman.example.com
                  ingress: {type: ingress, host: foreman.example.com, tls_secret: tls}
                  settings: {require_ssl: "true", hsts_enabled: "false", motd: 'say "hi"', pool: "12"}
                """);
        String yaml = ForemanSettings.render(foreman, inputs(foreman), "key1", "secret1", "redis://fm-redis:6379/4");
        assertThat(yaml)
                .startsWith("---\n")
                .contains(":foreman_url: \"https://foreman.example.com\"\n")
                .contains(":fqdn: \"foreman.example.com\"\n")
                .contains(":hosts:\n  - \"foreman.example.com\"\n  - \"fm-web\"\n  - \"fm-web.ns\"\n")
                .contains("  - \"fm-web.ns.svc.cluster.local\"\n")
                .contains(":require_ssl: true\n")
                .contains(":hsts_enabled: false\n")
                .contains(":motd: \"say \\\"hi\\\"\"\n")
                .contains(":pool: 12\n")
                .contains(":rails_cache_store:\n  :type: redis\n  :urls:\n    - \"redis://fm-redis:6379/4\"\n")
                .contains(":oauth_active: true\n")
                .contains(":oauth_consumer_key: \"key1\"\n")
                .contains(":oauth_consumer_secret: \"secret1\"\n");
        assertThat(yaml).containsOnlyOnce(":require_ssl:");

        String plain = ForemanSettings.render(SEED, inputs(SEED), "k", "s", "redis://x:6379/4");
        assertThat(plain)
                .contains(":foreman_url: \"http://fm-web.ns.svc:3000\"\n")
                .contains(":require_ssl: false\n");
    }

    @Test
    void configLivesInASecretAndPodsReadPasswordsOnlyThroughSecretKeyRefs() {
        var secret = ConfigSecret.desired(SEED, "yaml", "postgresql://u:pw@h:5432/d", "redis://r:6379/6");
        assertThat(secret.getData()).containsKeys("settings.yaml", "DATABASE_URL", "DYNFLOW_REDIS_URL");
        assertThat(secret.getStringData()).as("write-only field never used").isNullOrEmpty();
        assertThat(GeneratedSecrets.decode(secret.getData().get("DATABASE_URL")))
                .isEqualTo("postgresql://u:pw@h:5432/d");

        Release release = inputs(SEED).release();
        Deployment web = WebDeployment.desired(SEED, inputs(SEED), release, "hash1");
        Map<String, String> env =
                env(web.getSpec().getTemplate().getSpec().getContainers().get(0));
        assertThat(env)
                .containsEntry("DATABASE_URL", "secret:fm-config/DATABASE_URL")
                .containsEntry("ENCRYPTION_KEY", "secret:fm-encryption-key/ENCRYPTION_KEY")
                .containsEntry("DYNFLOW_REDIS_URL", "secret:fm-config/DYNFLOW_REDIS_URL")
                .containsEntry("REDIS_PROVIDER", "DYNFLOW_REDIS_URL")
                .containsEntry("FOREMAN_ENABLED_PLUGINS", "")
                .containsEntry("FOREMAN_FQDN", "fm-web.ns.svc")
                .containsEntry("FOREMAN_PUMA_WORKERS", "2")
                .containsEntry("FOREMAN_PUMA_THREADS_MIN", "5")
                .doesNotContainKeys("SEED_ADMIN_PASSWORD");
        assertThat(DynflowConfigMap.desired(SEED).getData().values())
                .noneMatch(v -> v.contains("postgresql://") || v.contains("oauth"));
    }

    @Test
    void webRunsReplicasPumaPodsRolledWithoutUnavailabilityAndProbedOnPing() {
        Deployment web = WebDeployment.desired(SEED, inputs(SEED), inputs(SEED).release(), "hash1");
        assertThat(web.getMetadata().getName()).isEqualTo("fm-web");
        assertThat(web.getSpec().getReplicas()).isEqualTo(2);
        assertThat(web.getSpec()
                        .getStrategy()
                        .getRollingUpdate()
                        .getMaxUnavailable()
                        .getIntVal())
                .isZero();
        assertThat(web.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry("app.theforeman.org/config-hash", "hash1");
        Container container =
                web.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("quay.io/foreman/foreman:nightly");
        assertThat(container.getCommand()).contains("server").doesNotContain("db:migrate");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/api/v2/ping");
        assertThat(container.getReadinessProbe().getHttpGet().getHttpHeaders())
                .anySatisfy(h -> assertThat(h.getValue()).isEqualTo("fm-web"));
        assertThat(container.getVolumeMounts())
                .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/etc/foreman/settings.yaml"));
        assertThat(web.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser())
                .isEqualTo(994L);
    }

    @Test
    void dynflowHasOneRecreatedOrchestratorScaledWorkersAndAHostsQueueWorker() {
        ForemanInputs inputs = inputs(SEED);
        Deployment orchestrator =
                DynflowDeployment.desired(SEED, inputs, DynflowRole.ORCHESTRATOR, inputs.release(), "h");
        assertThat(orchestrator.getSpec().getReplicas()).isEqualTo(1);
        assertThat(orchestrator.getSpec().getStrategy().getType()).isEqualTo("Recreate");
        assertThat(orchestrator
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getCommand())
                .containsSubsequence(
                        "-r", "./extras/dynflow-sidekiq.rb", "-C", "/etc/foreman/dynflow/orchestrator.yml");
        Deployment workers = DynflowDeployment.desired(SEED, inputs, DynflowRole.WORKER, inputs.release(), "h");
        assertThat(workers.getMetadata().getName()).isEqualTo("fm-dynflow-worker");
        assertThat(workers.getSpec().getReplicas()).isEqualTo(3);
        assertThat(DynflowDeployment.desired(SEED, inputs, DynflowRole.HOSTS_QUEUE, inputs.release(), "h")
                        .getSpec()
                        .getReplicas())
                .isEqualTo(1);

        Map<String, String> files = DynflowConfigMap.files();
        assertThat(files.get("orchestrator.yml"))
                .isEqualTo("---\n:concurrency: 1\n:queues:\n  - dynflow_orchestrator\n");
        assertThat(files.get("worker.yml"))
                .isEqualTo("---\n:concurrency: 10\n:queues:\n  - default\n  - remote_execution\n");
        assertThat(files.get("worker-hosts-queue.yml")).isEqualTo("---\n:concurrency: 5\n:queues:\n  - hosts_queue\n");
    }

    @Test
    void cronJobsRunTheFourCadencesWithoutOverlap() {
        ForemanInputs inputs = inputs(SEED);
        Map<Cadence, String> schedules = Map.of(
                Cadence.HOURLY, "0 * * * *",
                Cadence.DAILY, "0 0 * * *",
                Cadence.WEEKLY, "0 0 * * 1",
                Cadence.MONTHLY, "0 0 1 * *");
        for (Cadence cadence : Cadence.values()) {
            CronJob cron = RecurringCronJob.desired(SEED, inputs, cadence, inputs.release());
            assertThat(cron.getMetadata().getName()).isEqualTo("fm-cron-" + cadence.id());
            assertThat(cron.getSpec().getSchedule()).isEqualTo(schedules.get(cadence));
            assertThat(cron.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
            assertThat(cron.getSpec().getSuccessfulJobsHistoryLimit()).isEqualTo(3);
            assertThat(cron.getSpec().getFailedJobsHistoryLimit()).isEqualTo(3);
            assertThat(cron.getSpec()
                            .getJobTemplate()
                            .getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .get(0)
                            .getCommand())
                    .containsExactly("foreman-rake", "cron:" + cadence.id());
        }
    }

    @Test
    void migrationJobIsNamedAfterImageAndPluginsAndAloneGetsTheSeedPassword() {
        Foreman withRex = foreman("""
                apiVersion: app.theforeman.org/v1alpha1
                kind: Foreman
                metadata: {name: fm}
                spec: {plugins: {remote_execution: true, webhooks: false}}
                """);
        Release plain = inputs(SEED).release();
        Release rex = inputs(withRex).release();
        assertThat(rex.plugins()).containsExactly("foreman-tasks", "foreman_remote_execution");
        assertThat(rex.enabledPlugins()).isEqualTo("foreman-tasks foreman_remote_execution");
        assertThat(MigrationJob.name(SEED, plain)).isNotEqualTo(MigrationJob.name(withRex, rex));
        assertThat(MigrationJob.name(SEED, plain))
                .isNotEqualTo(MigrationJob.name(SEED, new Release("quay.io/foreman/foreman:3.16", List.of())));
        Job job = MigrationJob.desired(withRex, inputs(withRex), rex);
        Map<String, String> env =
                env(job.getSpec().getTemplate().getSpec().getContainers().get(0));
        assertThat(env)
                .containsEntry("SEED_ADMIN_USER", "admin")
                .containsEntry("SEED_ADMIN_PASSWORD", "secret:fm-admin/password")
                .containsEntry("FOREMAN_ENABLED_PLUGINS", "foreman-tasks foreman_remote_execution");
        assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getCommand())
                .containsExactly("/bin/bash", "-c", "bin/rails db:migrate && bin/rails db:seed");
        assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
    }

    @Test
    void generatedCredentialsAreRetainedAndNeverReplaced() {
        var key = CredentialSecrets.encryptionKey(SEED, null);
        assertThat(key.getMetadata().getOwnerReferences()).as("retained data").isNullOrEmpty();
        String value = GeneratedSecrets.decode(key.getData().get("ENCRYPTION_KEY"));
        assertThat(value).hasSize(64).matches("[0-9a-f]+");
        assertThat(CredentialSecrets.encryptionKey(SEED, key).getData()).isEqualTo(key.getData());
        var oauth = CredentialSecrets.oauth(SEED, null);
        assertThat(oauth.getData()).containsOnlyKeys("oauth_consumer_key", "oauth_consumer_secret");
        Foreman deleting = foreman("""
                apiVersion: app.theforeman.org/v1alpha1
                kind: Foreman
                metadata: {name: fm}
                spec: {deletion_policy: Delete}
                """);
        assertThat(CredentialSecrets.admin(deleting, "admin", null)
                        .getMetadata()
                        .getOwnerReferences())
                .singleElement()
                .satisfies(o -> assertThat(o.getController()).isTrue());
        StatefulSet postgres = Datastores.postgres(deleting);
        assertThat(postgres.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted())
                .isEqualTo("Delete");
        assertThat(Datastores.postgres(SEED)
                        .getSpec()
                        .getPersistentVolumeClaimRetentionPolicy()
                        .getWhenDeleted())
                .isEqualTo("Retain");
    }

    @Test
    void pumaWorkersFollowResources() {
        assertThat(PumaSizing.workers(null)).isEqualTo(2);
        assertThat(PumaSizing.workers(new ResourceRequirementsBuilder()
                        .withRequests(Map.of("cpu", new Quantity("4"), "memory", new Quantity("8Gi")))
                        .build()))
                .isEqualTo(6);
        assertThat(PumaSizing.workers(new ResourceRequirementsBuilder()
                        .withLimits(Map.of("memory", new Quantity("4Gi")))
                        .withRequests(Map.of("cpu", new Quantity("500m")))
                        .build()))
                .isEqualTo(1);
        assertThat(PumaSizing.workers(new ResourceRequirementsBuilder()
                        .withLimits(Map.of("cpu", new Quantity("64"), "memory", new Quantity("64Gi")))
                        .build()))
                .isEqualTo(32);
    }

    @Test
    void exposureTypesShapeServiceIngressAndUrl() {
        Foreman nodeport = foreman("""
                apiVersion: app.theforeman.org/v1alpha1
                kind: Foreman
                metadata: {name: fm}
                spec: {ingress: {type: nodeport, nodeport_port: 30080}}
                """);
        var service = WebExposure.webService(nodeport);
        assertThat(service.getSpec().getType()).isEqualTo("NodePort");
        assertThat(service.getSpec().getPorts().get(0).getNodePort()).isEqualTo(30080);
        assertThat(WebExposure.webService(SEED).getSpec().getType()).isEqualTo("ClusterIP");
        Foreman ingress = foreman("""
                apiVersion: app.theforeman.org/v1alpha1
                kind: Foreman
                metadata: {name: fm}
                spec: {ingress: {type: ingress, host: fm.example.com, tls_secret: fm-tls, class_name: nginx}}
                """);
        var desired = WebExposure.ingress(ingress);
        assertThat(desired.getSpec().getRules().get(0).getHost()).isEqualTo("fm.example.com");
        assertThat(desired.getSpec().getTls().get(0).getSecretName()).isEqualTo("fm-tls");
        assertThat(ForemanInputsResolver.endpoint(ingress).url()).isEqualTo("https://fm.example.com");
        assertThat(ForemanInputsResolver.endpoint(SEED).internalUrl()).isEqualTo("http://fm-web.ns.svc:3000");
    }

    @Test
    void missingOrIncompleteSecretsAreNamedWithTheirKeys() throws IOException {
        Foreman external = foreman("""
                apiVersion: app.theforeman.org/v1alpha1
                kind: Foreman
                metadata: {name: fm}
                spec:
                  database: {external_db_secret: ext-db}
                  encryption_key_secret: old-install
                """);
        var missing = ForemanInputsResolver.resolve(external, name -> null);
        assertThat(missing.problems())
                .extracting(InputProblem::condition, InputProblem::reason)
                .containsExactly(tuple("DatabaseReady", "SecretNotFound"), tuple("CredentialsReady", "SecretNotFound"));
        assertThat(missing.problems().get(0).message()).contains("Secret ext-db", "spec.database.external_db_secret");

        // One Secret answers for every name: the database fields, an encryption key and an admin password.
        Properties values = new Properties();
        values.load(new StringReader("""
                POSTGRES_HOST=db
                POSTGRES_PORT=5432
                POSTGRES_USERNAME=u
                POSTGRES_DB_NAME=d
                ENCRYPTION_KEY=0123456789abcdef0123456789abcdef
                password=adminpw
                """));
        var partial = ForemanInputsResolver.resolve(external, name -> secret(name, values));
        assertThat(partial.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .isEqualTo(
                                "Secret ext-db (spec.database.external_db_secret)" + " has no key POSTGRES_PASSWORD"));

        values.put("POSTGRES_PASSWORD", "p");
        var adopted = ForemanInputsResolver.resolve(external, name -> secret(name, values));
        assertThat(adopted.problems()).isEmpty();
        assertThat(adopted.inputs().encryptionKey().secret()).isEqualTo("old-install");
        assertThat(adopted.inputs().admin().statusSecret()).isEqualTo("old-install");
        assertThat(adopted.inputs().externalDatabase().toString()).doesNotContain("p,");
    }
}
