package org.theforeman.operator.pulp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.api.v1alpha1.ComponentSpec;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.runtime.OperatorLauncher;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.RepositoryLayout;
import org.theforeman.operator.e2e.harness.TestNamespace;
import org.theforeman.operator.e2e.harness.WithControlPlane;

/**
 * The Pulp operator on the real control plane, running with the token of its own ServiceAccount from
 * install/pulp-operator.yaml, so that every call it makes is checked against that Role.
 */
@WithControlPlane
class PulpOperatorIT {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private static PulpOperatorFixture fixture;
    private static OperatorLauncher.RunningOperator operator;
    private static String namespace;
    private static KubernetesClient admin;

    @BeforeAll
    static void startOperator(ControlPlane plane, TestNamespace testNamespace) throws Exception {
        namespace = testNamespace.name();
        admin = plane.admin();
        fixture = PulpOperatorFixture.start(plane, namespace, "pulp-operator-it");
        operator = fixture.operator();
    }

    @AfterAll
    static void stopOperator() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static Resource<Pulp> pulp(String name) {
        return fixture.pulp(name);
    }

    private static Pulp create(String yaml) {
        return fixture.create(yaml);
    }

    private static Condition condition(String name, String type) {
        return fixture.condition(name, type);
    }

    private static void awaitReady(String name) {
        fixture.awaitReady(name, READY_TIMEOUT);
    }

    @Test
    void minimalSampleBecomesReadyAndThenWritesNothing() throws Exception {
        long writesBefore = operator.writes();
        long started = System.nanoTime();
        create(Files.readString(RepositoryLayout.root().resolve("samples/pulp-standalone.yaml")));
        awaitReady("pulp");
        double seconds = (System.nanoTime() - started) / 1e9;
        long writesToReady = operator.writes() - writesBefore;

        for (String component : List.of("api", "content", "worker")) {
            Deployment deployment = admin.apps()
                    .deployments()
                    .inNamespace(namespace)
                    .withName("pulp-" + component)
                    .get();
            assertThat(deployment.getStatus().getAvailableReplicas())
                    .as(component)
                    .isEqualTo(1);
        }
        StatefulSet postgres = admin.apps()
                .statefulSets()
                .inNamespace(namespace)
                .withName("pulp-postgres")
                .get();
        assertThat(postgres.getStatus().getReadyReplicas()).isEqualTo(1);
        List<Job> jobs = admin.batch()
                .v1()
                .jobs()
                .inNamespace(namespace)
                .withLabel("app.kubernetes.io/instance", "pulp")
                .list()
                .getItems();
        assertThat(jobs)
                .singleElement()
                .satisfies(job -> assertThat(job.getStatus().getSucceeded()).isEqualTo(1));
        assertThat(pulp("pulp").get().getStatus().getContentOrigin())
                .isEqualTo("http://pulp-content." + namespace + ".svc:24816");

        long steadyFrom = operator.writes();
        Thread.sleep(Duration.ofSeconds(Long.getLong("steadyStateSeconds", 20)).toMillis());
        long steadyWrites = operator.writes() - steadyFrom;
        System.out.printf(
                "BENCH pulp sample: Ready after %.1f s, %d API writes to Ready, %d writes in %d s of steady state%n",
                seconds, writesToReady, steadyWrites, Long.getLong("steadyStateSeconds", 20));
        assertThat(steadyWrites).as("writes at steady state").isZero();
    }

    @Test
    void externalDatabaseSecretWithoutPasswordIsReportedAndPickedUpWhenFixed() {
        Map<String, String> values = Map.of(
                "POSTGRES_HOST",
                "db.example.com",
                "POSTGRES_PORT",
                "5432",
                "POSTGRES_USERNAME",
                "pulp",
                "POSTGRES_DB_NAME",
                "pulp");
        admin.secrets()
                .inNamespace(namespace)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("external-db")
                        .endMetadata()
                        .withStringData(values)
                        .build())
                .create();
        create("""
        apiVersion: app.theforeman.org/v1alpha1
        kind: Pulp
        metadata: {name: external}
        spec:
          database: {external_db_secret: external-db}
        """);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Condition ready = condition("external", "Ready");
            assertThat(ready).isNotNull();
            assertThat(ready.getStatus()).isEqualTo("False");
            assertThat(ready.getReason()).isEqualTo("SecretKeyMissing");
            assertThat(ready.getMessage()).contains("Secret external-db").contains("POSTGRES_PASSWORD");
            assertThat(condition("external", "Degraded").getStatus()).isEqualTo("True");
        });
        assertThat(admin.apps()
                        .deployments()
                        .inNamespace(namespace)
                        .withLabel("app.kubernetes.io/instance", "external")
                        .list()
                        .getItems())
                .as("nothing deployed on bad input")
                .isEmpty();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(admin.v1()
                                .events()
                                .inNamespace(namespace)
                                .list()
                                .getItems())
                        .anySatisfy(e -> {
                            assertThat(e.getInvolvedObject().getName()).isEqualTo("external");
                            assertThat(e.getReason()).isEqualTo("SecretKeyMissing");
                            assertThat(e.getType()).isEqualTo("Warning");
                        }));
        admin.secrets()
                .inNamespace(namespace)
                .withName("external-db")
                .edit(s -> new SecretBuilder(s)
                        .addToStringData("POSTGRES_PASSWORD", "s3cret")
                        .build());
        awaitReady("external");
        String message = pulp("external").get().getStatus().getConditions().toString();
        assertThat(message).doesNotContain("s3cret");
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Deployment deployment(String name) {
        return admin.apps().deployments().inNamespace(namespace).withName(name).get();
    }

    private static long replicaSetsOf(String deployment) {
        return admin.apps().replicaSets().inNamespace(namespace).list().getItems().stream()
                .filter(rs -> rs.getMetadata().getOwnerReferences().stream()
                        .anyMatch(o -> o.getName().equals(deployment)))
                .count();
    }

    @Test
    void customSettingsRollEachComponentOnceAndANoOpWritesOnlyStatus() {
        admin.configMaps()
                .inNamespace(namespace)
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("tuning")
                        .endMetadata()
                        .withData(Map.of("TOKEN_AUTH_DISABLED", "False"))
                        .build())
                .create();
        create("""
        apiVersion: app.theforeman.org/v1alpha1
        kind: Pulp
        metadata: {name: tuned}
        spec: {custom_pulp_settings: tuning}
        """);
        awaitReady("tuned");
        Map<String, Long> before = new HashMap<>();
        for (String c : List.of("api", "content", "worker")) {
            before.put(c, replicaSetsOf("tuned-" + c));
        }
        admin.configMaps()
                .inNamespace(namespace)
                .withName("tuning")
                .edit(cm -> new ConfigMapBuilder(cm)
                        .addToData("TOKEN_AUTH_DISABLED", "True")
                        .build());
        await().atMost(READY_TIMEOUT).untilAsserted(() -> {
            assertThat(admin.configMaps()
                            .inNamespace(namespace)
                            .withName("tuned-settings")
                            .get()
                            .getData()
                            .get("settings.py"))
                    .contains("TOKEN_AUTH_DISABLED = True");
            for (String c : List.of("api", "content", "worker")) {
                assertThat(replicaSetsOf("tuned-" + c))
                        .as("ReplicaSets of %s", c)
                        .isEqualTo(before.get(c) + 1);
            }
        });
        awaitReady("tuned");
        for (String c : List.of("api", "content", "worker")) {
            assertThat(replicaSetsOf("tuned-" + c))
                    .as("rolled exactly once: %s", c)
                    .isEqualTo(before.get(c) + 1);
        }
        assertThat(admin.v1().events().inNamespace(namespace).list().getItems())
                .filteredOn(e -> e.getInvolvedObject().getName().equals("tuned")
                        && e.getReason().equals("RollingOut"))
                .hasSize(3);

        // Re-applying the same resource changes nothing: no write at all.
        long unchanged = operator.writes();
        admin.resource(pulp("tuned").get()).update();
        sleepQuietly(Duration.ofSeconds(3));
        assertThat(operator.writes() - unchanged)
                .as("writes after an update that changes nothing")
                .isZero();

        // A spec change that changes nothing effective (replicas 1 is the default): only the status
        // write that records the new observedGeneration.
        long writes = operator.writes();
        pulp("tuned").edit(p -> {
            p.getSpec().setApi(new ComponentSpec());
            p.getSpec().getApi().setReplicas(1);
            return p;
        });
        awaitReady("tuned");
        assertThat(operator.writes() - writes)
                .as("writes for a no-op spec change")
                .isEqualTo(1);
    }

    @Test
    void newImageIsMigratedBeforeThePodsRoll() {
        create("""
        apiVersion: app.theforeman.org/v1alpha1
        kind: Pulp
        metadata: {name: upgraded}
        spec: {image_version: "3.122.2"}
        """);
        awaitReady("upgraded");
        pulp("upgraded").edit(p -> {
            p.getSpec().setImageVersion("3.123.1");
            return p;
        });
        awaitReady("upgraded");
        List<Job> jobs = admin.batch()
                .v1()
                .jobs()
                .inNamespace(namespace)
                .withLabel("app.kubernetes.io/instance", "upgraded")
                .list()
                .getItems();
        assertThat(jobs)
                .as("the old image's Job is cleaned up once the new one completed")
                .singleElement();
        Job migration = jobs.get(0);
        assertThat(migration.getMetadata().getAnnotations())
                .containsEntry("app.theforeman.org/image", "quay.io/pulp/pulp-minimal:3.123.1");
        Instant migrated = Instant.parse(migration.getStatus().getCompletionTime());
        for (String c : List.of("api", "content", "worker")) {
            Deployment d = deployment("upgraded-" + c);
            assertThat(d.getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .get(0)
                            .getImage())
                    .isEqualTo("quay.io/pulp/pulp-minimal:3.123.1");
            ReplicaSet newest = admin.apps().replicaSets().inNamespace(namespace).list().getItems().stream()
                    .filter(rs -> rs.getMetadata().getOwnerReferences().stream()
                            .anyMatch(o -> o.getName().equals(d.getMetadata().getName())))
                    .max(Comparator.comparing(
                            rs -> Instant.parse(rs.getMetadata().getCreationTimestamp())))
                    .orElseThrow();
            assertThat(Instant.parse(newest.getMetadata().getCreationTimestamp()))
                    .as("%s rolled after the migration completed", c)
                    .isAfterOrEqualTo(migrated);
        }
        assertThat(pulp("upgraded").get().getStatus().getVersion()).isEqualTo("3.123.1");
    }

    @Test
    void domainLevelSettingsAreMigratedAgainBeforeThePodsRoll() {
        s3Secret("bucket");
        create("""
        apiVersion: app.theforeman.org/v1alpha1
        kind: Pulp
        metadata: {name: redirected}
        spec: {object_storage_s3_secret: bucket}
        """);
        awaitReady("redirected");
        String first = migrationJobs("redirected").get(0).getMetadata().getName();
        pulp("redirected").edit(p -> {
            p.getSpec().setRedirectToObjectStorage(false);
            return p;
        });
        awaitReady("redirected");
        List<Job> jobs = migrationJobs("redirected");
        assertThat(jobs)
                .as("a new Job for the new setting; the old one is cleaned up once it completed")
                .singleElement()
                .satisfies(job -> assertThat(job.getMetadata().getName()).isNotEqualTo(first));
        Job migration = jobs.get(0);
        assertThat(migration.getMetadata().getAnnotations())
                .containsEntry("app.theforeman.org/domain-settings", "REDIRECT_TO_OBJECT_STORAGE=False, STORAGE=S3");
        Instant migrated = Instant.parse(migration.getStatus().getCompletionTime());
        for (String c : List.of("api", "content", "worker")) {
            assertThat(Instant.parse(
                            newestReplicaSet("redirected-" + c).getMetadata().getCreationTimestamp()))
                    .as("%s rolled after the migration completed", c)
                    .isAfterOrEqualTo(migrated);
        }
        assertThat(admin.configMaps()
                        .inNamespace(namespace)
                        .withName("redirected-settings")
                        .get()
                        .getData()
                        .get("settings.py"))
                .contains("REDIRECT_TO_OBJECT_STORAGE = False");
    }

    @Test
    void aSwitchOfStorageBackendKeepsThePodsOnTheOldOneUntilItsMigrationCompleted() {
        s3Secret("switch-bucket");
        create("""
        apiVersion: app.theforeman.org/v1alpha1
        kind: Pulp
        metadata: {name: switched}
        spec: {file_storage_size: 1Gi}
        """);
        awaitReady("switched");
        Set<String> before = replicaSetNames();
        pulp("switched").edit(p -> {
            p.getSpec().setFileStorageSize(null);
            p.getSpec().setObjectStorageS3Secret("switch-bucket");
            return p;
        });
        awaitReady("switched");
        Job migration = migrationJobs("switched").get(0);
        assertThat(migration.getMetadata().getAnnotations().get("app.theforeman.org/domain-settings"))
                .contains("STORAGE=S3");
        Instant migrated = Instant.parse(migration.getStatus().getCompletionTime());
        for (String c : List.of("api", "content", "worker")) {
            List<ReplicaSet> rolled = admin.apps().replicaSets().inNamespace(namespace).list().getItems().stream()
                    .filter(rs -> !before.contains(rs.getMetadata().getName()))
                    .filter(rs -> rs.getMetadata().getOwnerReferences().stream()
                            .anyMatch(o -> o.getName().equals("switched-" + c)))
                    .toList();
            // One roll, after the migration: none on the way with the new backend's volumes and environment.
            assertThat(rolled).as("%s rolled once, to the new backend", c).singleElement();
            assertThat(Instant.parse(rolled.get(0).getMetadata().getCreationTimestamp()))
                    .as("%s rolled to the new backend after the migration completed", c)
                    .isAfterOrEqualTo(migrated);
            assertThat(rolled.get(0).getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsEntry("app.theforeman.org/storage", "S3");
        }
    }

    private static void s3Secret(String name) {
        admin.secrets()
                .inNamespace(namespace)
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .endMetadata()
                        .withStringData(
                                Map.of("s3-access-key-id", "a", "s3-secret-access-key", "b", "s3-bucket-name", "c"))
                        .build())
                .create();
    }

    private static Set<String> replicaSetNames() {
        return admin.apps().replicaSets().inNamespace(namespace).list().getItems().stream()
                .map(rs -> rs.getMetadata().getName())
                .collect(Collectors.toSet());
    }

    private static List<Job> migrationJobs(String pulp) {
        return admin.batch()
                .v1()
                .jobs()
                .inNamespace(namespace)
                .withLabel("app.kubernetes.io/instance", pulp)
                .list()
                .getItems();
    }

    private static ReplicaSet newestReplicaSet(String deployment) {
        return admin.apps().replicaSets().inNamespace(namespace).list().getItems().stream()
                .filter(rs -> rs.getMetadata().getOwnerReferences().stream()
                        .anyMatch(o -> o.getName().equals(deployment)))
                .max(Comparator.comparing(rs -> Instant.parse(rs.getMetadata().getCreationTimestamp())))
                .orElseThrow();
    }

    @Test
    void deletingThePulpKeepsItsDataAndRecreatingItReusesIt() {
        String durable = """
        apiVersion: app.theforeman.org/v1alpha1
        kind: Pulp
        metadata: {name: durable}
        spec: {file_storage_size: 5Gi}
        """;
        create(durable);
        awaitReady("durable");
        PersistentVolumeClaim claim = admin.persistentVolumeClaims()
                .inNamespace(namespace)
                .withName("durable-file-storage")
                .get();
        String secretKey = admin.secrets()
                .inNamespace(namespace)
                .withName("durable-secret-key")
                .get()
                .getData()
                .get("secret_key");
        String dbPassword = admin.secrets()
                .inNamespace(namespace)
                .withName("durable-postgres")
                .get()
                .getData()
                .get("POSTGRES_PASSWORD");

        pulp("durable").withTimeout(30, TimeUnit.SECONDS).delete();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(deployment("durable-api")).isNull();
            assertThat(admin.apps()
                            .statefulSets()
                            .inNamespace(namespace)
                            .withName("durable-postgres")
                            .get())
                    .isNull();
        });
        assertThat(admin.persistentVolumeClaims()
                        .inNamespace(namespace)
                        .withName("durable-file-storage")
                        .get())
                .isNotNull();
        assertThat(admin.persistentVolumeClaims()
                        .inNamespace(namespace)
                        .withLabel("app.kubernetes.io/instance", "durable")
                        .list()
                        .getItems())
                .as("database claim kept too")
                .hasSize(2);

        create(durable);
        awaitReady("durable");
        assertThat(admin.persistentVolumeClaims()
                        .inNamespace(namespace)
                        .withName("durable-file-storage")
                        .get()
                        .getMetadata()
                        .getUid())
                .isEqualTo(claim.getMetadata().getUid());
        assertThat(admin.secrets()
                        .inNamespace(namespace)
                        .withName("durable-secret-key")
                        .get()
                        .getData()
                        .get("secret_key"))
                .isEqualTo(secretKey);
        assertThat(admin.secrets()
                        .inNamespace(namespace)
                        .withName("durable-postgres")
                        .get()
                        .getData()
                        .get("POSTGRES_PASSWORD"))
                .isEqualTo(dbPassword);
    }

    @Test
    void deletedDeploymentAndEditedServiceAreRepaired() {
        create("""
        apiVersion: app.theforeman.org/v1alpha1
        kind: Pulp
        metadata: {name: drift}
        spec: {web: {}}
        """);
        awaitReady("drift");
        assertThat(condition("drift", "WebReady").getStatus()).isEqualTo("True");
        assertThat(admin.services()
                        .inNamespace(namespace)
                        .withName("drift-web")
                        .get()
                        .getSpec()
                        .getPorts()
                        .get(0)
                        .getPort())
                .isEqualTo(8080);
        String oldUid = deployment("drift-content").getMetadata().getUid();
        long started = System.nanoTime();
        admin.apps()
                .deployments()
                .inNamespace(namespace)
                .withName("drift-content")
                .delete();
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    Deployment again = deployment("drift-content");
                    assertThat(again).isNotNull();
                    assertThat(again.getMetadata().getUid()).isNotEqualTo(oldUid);
                });
        double deployment = (System.nanoTime() - started) / 1e9;

        started = System.nanoTime();
        admin.services()
                .inNamespace(namespace)
                .withName("drift-api")
                .edit(s -> new ServiceBuilder(s)
                        .editSpec()
                        .editFirstPort()
                        .withPort(8080)
                        .endPort()
                        .endSpec()
                        .build());
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(admin.services()
                                .inNamespace(namespace)
                                .withName("drift-api")
                                .get()
                                .getSpec()
                                .getPorts())
                        .singleElement()
                        .satisfies(port -> assertThat(port.getPort()).isEqualTo(24817)));
        double service = (System.nanoTime() - started) / 1e9;
        awaitReady("drift");

        // Turning the web proxy off removes it, and only it.
        pulp("drift").edit(p -> {
            p.getSpec().setWeb(null);
            return p;
        });
        awaitReady("drift");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(deployment("drift-web")).isNull();
            assertThat(admin.services()
                            .inNamespace(namespace)
                            .withName("drift-web")
                            .get())
                    .isNull();
            assertThat(admin.configMaps()
                            .inNamespace(namespace)
                            .withName("drift-web-config")
                            .get())
                    .isNull();
        });
        assertThat(condition("drift", "WebReady")).as("no longer reported").isNull();
        assertThat(deployment("drift-api")).isNotNull();
        System.out.printf(
                "BENCH drift repair: deleted Deployment back in %.2f s, edited Service port back in %.2f s%n",
                deployment, service);
    }

    @Test
    void aContentOriginOnlyTheClusterKnowsIsSaidNotHidden() {
        create("""
        apiVersion: app.theforeman.org/v1alpha1
        kind: Pulp
        metadata: {name: noded}
        spec: {ingress_type: nodeport, web: {}}
        """);
        awaitReady("noded");
        Condition exposure = condition("noded", "ExposureReady");
        assertThat(exposure).isNotNull();
        assertThat(exposure.getStatus()).isEqualTo("True");
        assertThat(exposure.getReason()).isEqualTo("ContentOriginNotDerived");
        assertThat(exposure.getMessage())
                .contains("CONTENT_ORIGIN is http://noded-web." + namespace + ".svc:8080")
                .contains("Set content_origin");
        assertThat(pulp("noded").get().getStatus().getContentOrigin())
                .isEqualTo("http://noded-web." + namespace + ".svc:8080");
        pulp("noded").edit(p -> {
            p.getSpec().setContentOrigin("http://pulp.example.com:30080");
            return p;
        });
        awaitReady("noded");
        assertThat(condition("noded", "ExposureReady"))
                .as("nothing to report once content_origin is set")
                .isNull();
    }

    @Test
    void routeWithoutOpenShiftIsReportedNotIgnored() {
        create("""
        apiVersion: app.theforeman.org/v1alpha1
        kind: Pulp
        metadata: {name: routed}
        spec: {ingress_type: route, route_host: pulp.apps.example.com}
        """);
        await().atMost(READY_TIMEOUT).untilAsserted(() -> {
            Condition exposure = condition("routed", "ExposureReady");
            assertThat(exposure).isNotNull();
            assertThat(exposure.getStatus()).isEqualTo("False");
            assertThat(exposure.getReason()).isEqualTo("RouteAPIUnavailable");
            assertThat(condition("routed", "Ready").getMessage()).contains("route.openshift.io/v1");
            assertThat(condition("routed", "APIReady").getStatus())
                    .as("the rest still deploys")
                    .isEqualTo("True");
        });
    }

    @Test
    void unknownStorageClassIsNamed() {
        create("""
        apiVersion: app.theforeman.org/v1alpha1
        kind: Pulp
        metadata: {name: classy}
        spec: {file_storage_size: 1Gi, file_storage_storage_class: no-such-class}
        """);
        await().atMost(READY_TIMEOUT).untilAsserted(() -> {
            Condition storage = condition("classy", "StorageReady");
            assertThat(storage).isNotNull();
            assertThat(storage.getReason()).isEqualTo("StorageClassNotFound");
            assertThat(storage.getMessage())
                    .contains("StorageClass no-such-class")
                    .contains("spec.file_storage_storage_class");
            assertThat(condition("classy", "Ready").getStatus()).isEqualTo("False");
            assertThat(condition("classy", "Degraded").getStatus()).isEqualTo("True");
        });
    }
}
