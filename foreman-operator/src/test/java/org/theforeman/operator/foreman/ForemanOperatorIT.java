package org.theforeman.operator.foreman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.api.v1alpha1.DeletionPolicy;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.common.resources.GeneratedSecrets;
import org.theforeman.operator.common.workload.DeploymentReadiness;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.TestNamespace;
import org.theforeman.operator.e2e.harness.WithControlPlane;
import org.theforeman.operator.foreman.model.MigrationJob;

/**
 * The Foreman operator on the real control plane (kwok nodes: pods become Ready, Jobs complete, nothing
 * answers HTTP), running with the token of its own ServiceAccount from install/foreman-operator.yaml.
 */
@WithControlPlane
class ForemanOperatorIT {
    private static final Duration READY = Duration.ofSeconds(120);
    private static final String INSTANCE = "app.kubernetes.io/instance";

    private static ControlPlane plane;
    private static ForemanOperatorFixture fixture;
    private static KubernetesClient admin;
    private static String namespace;

    @BeforeAll
    static void start(ControlPlane controlPlane, TestNamespace testNamespace) {
        plane = controlPlane;
        namespace = testNamespace.name();
        admin = controlPlane.admin();
        fixture = ForemanOperatorFixture.start(controlPlane, namespace);
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static String foremanYaml(String name, String spec) {
        return "apiVersion: app.theforeman.org/v1alpha1\nkind: Foreman\nmetadata: {name: " + name + "}\nspec: " + spec
                + "\n";
    }

    private static Deployment deployment(String name) {
        return fixture.deployment(name);
    }

    private static Secret secret(String name) {
        return admin.secrets().inNamespace(namespace).withName(name).get();
    }

    private static String secretValue(String name, String key) {
        return GeneratedSecrets.decode(secret(name).getData().get(key));
    }

    private static EnvVar env(Deployment deployment, String name) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static int readyPods(String deployment) {
        Deployment d = deployment(deployment);
        return d.getStatus() == null || d.getStatus().getReadyReplicas() == null
                ? 0
                : d.getStatus().getReadyReplicas();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void foremanWithoutPluginsRunsItsPartsAndThenWritesNothing() {
        long writesBefore = fixture.operator.writes();
        long started = System.nanoTime();
        fixture.create(foremanYaml("plain", "{replicas: 2, dynflow_workers: 3}"));
        fixture.awaitReady("plain", READY);
        double seconds = (System.nanoTime() - started) / 1e9;
        long writesToReady = fixture.operator.writes() - writesBefore;

        assertThat(readyPods("plain-web")).isEqualTo(2);
        assertThat(readyPods("plain-dynflow-orchestrator")).isEqualTo(1);
        assertThat(readyPods("plain-dynflow-worker")).isEqualTo(3);
        assertThat(readyPods("plain-dynflow-hosts-queue")).isEqualTo(1);
        assertThat(admin.batch()
                        .v1()
                        .cronjobs()
                        .inNamespace(namespace)
                        .withLabel(INSTANCE, "plain")
                        .list()
                        .getItems())
                .extracting(c -> c.getMetadata().getName())
                .containsExactlyInAnyOrder(
                        "plain-cron-hourly", "plain-cron-daily", "plain-cron-weekly", "plain-cron-monthly");
        assertThat(admin.apps()
                        .statefulSets()
                        .inNamespace(namespace)
                        .withName("plain-postgres")
                        .get())
                .isNotNull();

        var status = fixture.foreman("plain").get().getStatus();
        assertThat(status.getWebPods()).isEqualTo("2/2");
        assertThat(status.getDynflowPods()).isEqualTo("5/5");
        assertThat(status.getVersion()).isEqualTo("nightly");
        assertThat(status.getPlugins()).isEmpty();
        assertThat(status.getInternalUrl()).isEqualTo("http://plain-web." + namespace + ".svc:3000");
        assertThat(status.getReplicas()).isEqualTo(2);
        assertThat(status.getSelector()).contains("app.kubernetes.io/component=web");
        assertThat(status.getAdminSecret()).isEqualTo("plain-admin");
        assertThat(secret(status.getAdminSecret()).getData()).containsKeys("username", "password");
        assertThat(status.getCredentialsSecret()).isEqualTo("plain-oauth");
        String oauthSecret = secretValue("plain-oauth", "oauth_consumer_secret");
        assertThat(secretValue("plain-config", "settings.yaml"))
                .contains(":oauth_consumer_secret: \"" + oauthSecret + "\"")
                .contains(":oauth_consumer_key: \"" + secretValue("plain-oauth", "oauth_consumer_key") + "\"");
        assertThat(secretValue("plain-encryption-key", "ENCRYPTION_KEY")).hasSize(64);

        // Passwords reach the pods through Secrets only.
        Deployment web = deployment("plain-web");
        assertThat(env(web, "DATABASE_URL").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("plain-config");
        assertThat(env(web, "ENCRYPTION_KEY").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("plain-encryption-key");
        String dbPassword = secretValue("plain-postgres", "POSTGRES_PASSWORD");
        for (ConfigMap map : admin.configMaps().inNamespace(namespace).list().getItems()) {
            assertThat(String.valueOf(map.getData())).doesNotContain(dbPassword).doesNotContain(oauthSecret);
        }
        assertThat(web.getSpec().getTemplate().toString()).doesNotContain(dbPassword);

        long steadySeconds = Long.getLong("steadyStateSeconds", 60);
        long steadyFrom = fixture.operator.writes();
        sleep(Duration.ofSeconds(steadySeconds));
        long steadyWrites = fixture.operator.writes() - steadyFrom;
        System.out.printf(
                "BENCH foreman (no plugins, 2 web, 3 workers): Ready after %.1f s, %d API writes to Ready,"
                        + " %d writes in %d s of steady state%n",
                seconds, writesToReady, steadyWrites, steadySeconds);
        assertThat(steadyWrites).as("writes at steady state").isZero();
    }

    @Test
    void settingsChangeRollsWebAndDynflowExactlyOnce() {
        fixture.create(foremanYaml("tuned", "{dynflow_workers: 1}"));
        fixture.awaitReady("tuned", READY);
        List<String> rolled =
                List.of("tuned-web", "tuned-dynflow-orchestrator", "tuned-dynflow-worker", "tuned-dynflow-hosts-queue");
        Map<String, Integer> before = new HashMap<>();
        rolled.forEach(d -> before.put(d, fixture.replicaSets(d).size()));
        fixture.foreman("tuned").edit(f -> {
            f.getSpec().setSettings(Map.of("hsts_enabled", "false"));
            return f;
        });
        await().atMost(READY).untilAsserted(() -> {
            for (String d : rolled) {
                assertThat(fixture.replicaSets(d)).as(d).hasSize(before.get(d) + 1);
            }
        });
        fixture.awaitReady("tuned", READY);
        sleep(Duration.ofSeconds(3));
        for (String d : rolled) {
            assertThat(fixture.replicaSets(d)).as("%s rolled exactly once", d).hasSize(before.get(d) + 1);
        }
        assertThat(secretValue("tuned-config", "settings.yaml")).contains(":hsts_enabled: false");
        assertThat(admin.batch()
                        .v1()
                        .jobs()
                        .inNamespace(namespace)
                        .withLabel(INSTANCE, "tuned")
                        .list()
                        .getItems())
                .as("a settings change is no new release: no migration")
                .hasSize(1);
    }

    @Test
    void newImageIsMigratedFirstAndAFailedMigrationKeepsTheRunningPods() {
        fixture.create(foremanYaml("upgraded", "{version: '3.15'}"));
        fixture.awaitReady("upgraded", READY);
        fixture.foreman("upgraded").edit(f -> {
            f.getSpec().setVersion("3.16");
            return f;
        });
        fixture.awaitReady("upgraded", READY);
        List<Job> jobs = admin.batch()
                .v1()
                .jobs()
                .inNamespace(namespace)
                .withLabel(INSTANCE, "upgraded")
                .list()
                .getItems();
        assertThat(jobs).as("the old release's Job is cleaned up").singleElement();
        assertThat(jobs.get(0).getMetadata().getAnnotations())
                .containsEntry(MigrationJob.IMAGE_ANNOTATION, "quay.io/foreman/foreman:3.16");
        Instant migrated = Instant.parse(jobs.get(0).getStatus().getCompletionTime());
        for (String d : List.of("upgraded-web", "upgraded-dynflow-orchestrator", "upgraded-dynflow-worker")) {
            List<ReplicaSet> sets = fixture.replicaSets(d);
            ReplicaSet newest = sets.get(sets.size() - 1);
            assertThat(newest.getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .get(0)
                            .getImage())
                    .isEqualTo("quay.io/foreman/foreman:3.16");
            assertThat(Instant.parse(newest.getMetadata().getCreationTimestamp()))
                    .as("%s's new ReplicaSet appears after the migration completed", d)
                    .isAfterOrEqualTo(migrated);
        }
        assertThat(fixture.foreman("upgraded").get().getStatus().getVersion()).isEqualTo("3.16");

        // The next release's migration fails: its Job is created ahead, with a pod that exits 1 on the fake
        // nodes. Without the instance label it is not one of this Foreman's Jobs until the spec names its
        // release (else the gate would clean it up as another release's Job); the operator finds it by name.
        Foreman next = fixture.foreman("upgraded").get();
        next.getSpec().setVersion("3.17");
        ForemanInputs inputs = ForemanInputsResolver.resolve(next, name -> null).inputs();
        Job failing = new JobBuilder(MigrationJob.desired(next, inputs, inputs.release()))
                .editMetadata()
                .removeFromLabels(INSTANCE)
                .endMetadata()
                .editSpec()
                .withBackoffLimit(0)
                .editTemplate()
                .editMetadata()
                .addToAnnotations("e2e.theforeman.org/exit-code", "1")
                .endMetadata()
                .endTemplate()
                .endSpec()
                .build();
        admin.resource(failing).create();
        fixture.foreman("upgraded").edit(f -> {
            f.getSpec().setVersion("3.17");
            return f;
        });
        await().atMost(READY)
                .untilAsserted(() -> assertThat(fixture.condition("upgraded", "MigrationsComplete")
                                .getMessage())
                        .contains(failing.getMetadata().getName()));
        // Now it is this release's Job: labelled, its status changes reach the operator.
        admin.batch()
                .v1()
                .jobs()
                .inNamespace(namespace)
                .withName(failing.getMetadata().getName())
                .edit(j -> new JobBuilder(j)
                        .editMetadata()
                        .addToLabels(INSTANCE, "upgraded")
                        .endMetadata()
                        .build());
        await().atMost(READY).untilAsserted(() -> {
            Condition migration = fixture.condition("upgraded", "MigrationsComplete");
            assertThat(migration.getStatus()).isEqualTo("False");
            assertThat(migration.getReason()).isEqualTo("MigrationFailed");
            assertThat(migration.getMessage()).contains(failing.getMetadata().getName());
            assertThat(fixture.condition("upgraded", "Ready").getStatus()).isEqualTo("False");
        });
        Deployment web = deployment("upgraded-web");
        assertThat(web.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .as("the web pods keep the migrated release")
                .isEqualTo("quay.io/foreman/foreman:3.16");
        assertThat(web.getStatus().getAvailableReplicas()).isEqualTo(1);
        assertThat(DeploymentReadiness.image(deployment("upgraded-dynflow-worker")))
                .isEqualTo("quay.io/foreman/foreman:3.16");
        assertThat(fixture.foreman("upgraded").get().getStatus().getVersion()).isEqualTo("3.16");
    }

    @Test
    void externalDatabaseSecretMissingThenIncompleteIsNamedAndPickedUpWhenFixed() {
        fixture.create(foremanYaml("external", "{database: {external_db_secret: ext-db}}"));
        await().atMost(READY).untilAsserted(() -> {
            Condition database = fixture.condition("external", "DatabaseReady");
            assertThat(database).isNotNull();
            assertThat(database.getReason()).isEqualTo("SecretNotFound");
            assertThat(database.getMessage()).contains("Secret ext-db", "spec.database.external_db_secret");
            assertThat(fixture.condition("external", "Ready").getStatus()).isEqualTo("False");
        });
        Map<String, String> values = new HashMap<>(Map.of(
                "POSTGRES_HOST", "db.example.com",
                "POSTGRES_PORT", "5432",
                "POSTGRES_USERNAME", "foreman",
                "POSTGRES_DB_NAME", "foreman"));
        admin.secrets()
                .inNamespace(namespace)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("ext-db")
                        .endMetadata()
                        .withStringData(values)
                        .build())
                .create();
        await().atMost(READY).untilAsserted(() -> {
            Condition database = fixture.condition("external", "DatabaseReady");
            assertThat(database.getReason()).isEqualTo("SecretKeyMissing");
            assertThat(database.getMessage()).contains("Secret ext-db", "POSTGRES_PASSWORD");
        });
        assertThat(admin.apps()
                        .deployments()
                        .inNamespace(namespace)
                        .withLabel(INSTANCE, "external")
                        .list()
                        .getItems())
                .as("nothing deployed on bad input")
                .isEmpty();
        assertThat(admin.secrets()
                        .inNamespace(namespace)
                        .withLabel(INSTANCE, "external")
                        .list()
                        .getItems())
                .as("nothing generated on bad input")
                .isEmpty();
        assertThat(admin.v1().events().inNamespace(namespace).list().getItems()).anySatisfy(e -> {
            assertThat(e.getInvolvedObject().getName()).isEqualTo("external");
            assertThat(e.getReason()).isEqualTo("SecretKeyMissing");
        });

        String password = "p@ss/w:rd #1";
        admin.secrets()
                .inNamespace(namespace)
                .withName("ext-db")
                .edit(s -> new SecretBuilder(s)
                        .addToStringData("POSTGRES_PASSWORD", password)
                        .build());
        fixture.awaitReady("external", READY);
        assertThat(secretValue("external-config", "DATABASE_URL"))
                .isEqualTo("postgresql://foreman:p%40ss%2Fw%3Ard%20%231@db.example.com:5432/foreman"
                        + "?pool=9&sslmode=prefer");
        assertThat(admin.apps()
                        .statefulSets()
                        .inNamespace(namespace)
                        .withName("external-postgres")
                        .get())
                .as("no managed database with an external one")
                .isNull();
        assertThat(fixture.foreman("external").get().getStatus().toString()).doesNotContain(password);
    }

    @Test
    void adoptedEncryptionKeyIsUsedAndNeverWritten() {
        String key = "0123456789abcdef".repeat(4);
        Secret adopted = admin.secrets()
                .inNamespace(namespace)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("old-install")
                        .endMetadata()
                        .withStringData(Map.of("ENCRYPTION_KEY", key, "username", "admin", "password", "old-pw"))
                        .build())
                .create();
        fixture.create(foremanYaml("adopted", "{encryption_key_secret: old-install}"));
        fixture.awaitReady("adopted", READY);
        Deployment web = deployment("adopted-web");
        assertThat(env(web, "ENCRYPTION_KEY").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("old-install");
        assertThat(env(deployment("adopted-dynflow-orchestrator"), "ENCRYPTION_KEY")
                        .getValueFrom()
                        .getSecretKeyRef()
                        .getName())
                .isEqualTo("old-install");
        assertThat(secret("adopted-encryption-key")).as("no key generated").isNull();
        assertThat(secret("adopted-admin")).as("the adopted admin is used").isNull();
        assertThat(fixture.foreman("adopted").get().getStatus().getAdminSecret())
                .isEqualTo("old-install");
        Secret after = secret("old-install");
        assertThat(after.getMetadata().getResourceVersion())
                .isEqualTo(adopted.getMetadata().getResourceVersion());
        assertThat(after.getMetadata().getManagedFields()).noneMatch(f -> ForemanOperator.NAME.equals(f.getManager()));
        Job migration = admin.batch()
                .v1()
                .jobs()
                .inNamespace(namespace)
                .withLabel(INSTANCE, "adopted")
                .list()
                .getItems()
                .get(0);
        assertThat(migration
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getEnv())
                .anySatisfy(e -> {
                    assertThat(e.getName()).isEqualTo("SEED_ADMIN_PASSWORD");
                    assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("old-install");
                });
    }

    @Test
    void deletionKeepsClaimAndCredentialsUnlessPolicyIsDelete() {
        String durable = foremanYaml("durable", "{}");
        fixture.create(durable);
        fixture.awaitReady("durable", READY);
        PersistentVolumeClaim claim = claim("durable");
        String key = secretValue("durable-encryption-key", "ENCRYPTION_KEY");
        String oauth = secretValue("durable-oauth", "oauth_consumer_secret");

        fixture.foreman("durable").withTimeout(30, TimeUnit.SECONDS).delete();
        await().atMost(READY)
                .until(() -> deployment("durable-web") == null
                        && admin.apps()
                                        .statefulSets()
                                        .inNamespace(namespace)
                                        .withName("durable-postgres")
                                        .get()
                                == null);
        assertThat(claim("durable")).as("database claim kept").isNotNull();
        for (String kept : List.of("durable-encryption-key", "durable-admin", "durable-oauth", "durable-postgres")) {
            assertThat(secret(kept)).as(kept).isNotNull();
        }

        fixture.create(durable);
        fixture.awaitReady("durable", READY);
        assertThat(claim("durable").getMetadata().getUid())
                .isEqualTo(claim.getMetadata().getUid());
        assertThat(secretValue("durable-encryption-key", "ENCRYPTION_KEY")).isEqualTo(key);
        assertThat(secretValue("durable-oauth", "oauth_consumer_secret")).isEqualTo(oauth);

        fixture.foreman("durable").edit(f -> {
            f.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
            return f;
        });
        fixture.awaitReady("durable", READY);
        fixture.foreman("durable").withTimeout(30, TimeUnit.SECONDS).delete();
        await().atMost(READY).untilAsserted(() -> {
            assertThat(claim("durable")).as("claim deleted with Delete").isNull();
            for (String gone :
                    List.of("durable-encryption-key", "durable-admin", "durable-oauth", "durable-postgres")) {
                assertThat(secret(gone)).as(gone).isNull();
            }
        });
    }

    private static PersistentVolumeClaim claim(String foreman) {
        return admin.persistentVolumeClaims()
                .inNamespace(namespace)
                .withName("postgres-data-" + foreman + "-postgres-0")
                .get();
    }

    @Test
    void driftIsRepairedAndScalingGoesThroughTheForeman() {
        fixture.create(foremanYaml("drift", "{dynflow_workers: 2}"));
        fixture.awaitReady("drift", READY);

        // A deleted Deployment, CronJob and Service come back (new objects: other UIDs).
        String webUid = deployment("drift-web").getMetadata().getUid();
        long started = System.nanoTime();
        admin.apps().deployments().inNamespace(namespace).withName("drift-web").delete();
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> deployment("drift-web") != null
                        && !deployment("drift-web").getMetadata().getUid().equals(webUid));
        double deploymentBack = (System.nanoTime() - started) / 1e9;

        admin.batch()
                .v1()
                .cronjobs()
                .inNamespace(namespace)
                .withName("drift-cron-daily")
                .delete();
        admin.services().inNamespace(namespace).withName("drift-web").delete();
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    CronJob cron = admin.batch()
                            .v1()
                            .cronjobs()
                            .inNamespace(namespace)
                            .withName("drift-cron-daily")
                            .get();
                    assertThat(cron).isNotNull();
                    assertThat(cron.getMetadata().getDeletionTimestamp()).isNull();
                    assertThat(admin.services()
                                    .inNamespace(namespace)
                                    .withName("drift-web")
                                    .get())
                            .isNotNull();
                });

        started = System.nanoTime();
        admin.apps()
                .deployments()
                .inNamespace(namespace)
                .withName("drift-dynflow-orchestrator")
                .scale(2);
        admin.apps()
                .deployments()
                .inNamespace(namespace)
                .withName("drift-dynflow-worker")
                .scale(5);
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    assertThat(deployment("drift-dynflow-orchestrator")
                                    .getSpec()
                                    .getReplicas())
                            .isEqualTo(1);
                    assertThat(deployment("drift-dynflow-worker").getSpec().getReplicas())
                            .isEqualTo(2);
                });
        double scaleBack = (System.nanoTime() - started) / 1e9;
        fixture.awaitReady("drift", READY);

        // The scale subresource of the Foreman (what kubectl scale and an HPA use) drives the web pods.
        plane.kubectl("scale", "-n", namespace, "foreman/drift", "--replicas=3");
        await().atMost(READY)
                .untilAsserted(() -> assertThat(readyPods("drift-web")).isEqualTo(3));
        fixture.awaitReady("drift", READY);
        assertThat(fixture.foreman("drift").get().getStatus().getReplicas()).isEqualTo(3);
        System.out.printf(
                "BENCH foreman drift repair: deleted Deployment back in %.2f s, orchestrator scaled to 2 set back"
                        + " to 1 (and workers to 2) in %.2f s%n",
                deploymentBack, scaleBack);
    }
}
