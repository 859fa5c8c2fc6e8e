package org.theforeman.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.TestNamespace;
import org.theforeman.operator.e2e.harness.WithControlPlane;

/** The CRDs against a real API server: samples accepted, bad input rejected naming the field, defaults applied. */
@WithControlPlane
class ApiAdmissionIT {
    private static final Path CRDS = Path.of("../install/crds");

    @BeforeAll
    static void installCrds(ControlPlane plane) {
        plane.applyCrds(CRDS);
    }

    @Test
    void seedExampleIsAcceptedByteForByte(KubernetesClient admin) throws Exception {
        if (admin.namespaces().withName("foreman").get() == null) {
            admin.namespaces()
                    .resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName("foreman")
                            .endMetadata()
                            .build())
                    .create();
        }
        admin.resources(Foreman.class)
                .inNamespace("foreman")
                .withName("myforeman")
                .withTimeout(30, TimeUnit.SECONDS)
                .delete();
        byte[] seed = Files.readAllBytes(Samples.DIR.resolve("foreman-seed.yaml"));
        // The file's own bytes, as kubectl create would send them: no client-side model in between.
        HttpRequest request = admin.getHttpClient()
                .newHttpRequestBuilder()
                .uri(admin.getMasterUrl() + "apis/app.theforeman.org/v1alpha1/namespaces/foreman/foremen")
                .post("application/yaml", seed)
                .build();
        HttpResponse<String> response =
                admin.getHttpClient().sendAsync(request, String.class).get(30, TimeUnit.SECONDS);
        assertThat(response.code()).as(response.body()).isEqualTo(201);

        Foreman stored = admin.resources(Foreman.class)
                .inNamespace("foreman")
                .withName("myforeman")
                .get();
        assertThat(stored.getSpec().getDynflowWorkers()).isEqualTo(2);
        assertThat(stored.getSpec().getPlugins()).isEqualTo(Map.of("katello", true, "remote_execution", true));
        // Defaults from the schema, applied by the API server:
        assertThat(stored.getSpec().getReplicas()).isEqualTo(1);
        assertThat(stored.getSpec().getDeletionPolicy()).isEqualTo(DeletionPolicy.Retain);
    }

    @Test
    void everySampleIsAccepted(KubernetesClient admin, TestNamespace namespace) throws Exception {
        for (Path file : Samples.files()) {
            if (file.getFileName().toString().equals("foreman-seed.yaml")) {
                continue; // its namespace is fixed; see seedExampleIsAcceptedByteForByte
            }
            for (String document : Samples.documents(file)) {
                HasMetadata resource = Serialization.unmarshal(document);
                resource.getMetadata().setNamespace(namespace.name());
                assertThat(admin.resource(resource).create().getMetadata().getUid())
                        .as("%s %s", file, resource.getKind())
                        .isNotBlank();
            }
        }
        Pulp pulp = admin.resources(Pulp.class)
                .inNamespace(namespace.name())
                .withName("pulp")
                .get();
        assertThat(pulp.getSpec().getImage()).isEqualTo("quay.io/pulp/pulp-minimal");
        assertThat(pulp.getSpec().getImageVersion()).isEqualTo(PulpSpec.DEFAULT_VERSION);
        assertThat(pulp.getSpec().getIngressType()).isEqualTo(ExposureType.none);
        assertThat(pulp.getSpec().getDeletionPolicy()).isEqualTo(DeletionPolicy.Retain);
        SmartProxy proxy = admin.resources(SmartProxy.class)
                .inNamespace(namespace.name())
                .withName("proxy-dc1")
                .get();
        assertThat(proxy.getSpec().getFeatures().getLogs().getEnabled())
                .as("feature default")
                .isTrue();
        assertThat(proxy.getSpec().getFeatures().getRemoteExecutionSsh().getMode())
                .isEqualTo(RemoteExecutionSshFeature.Mode.ssh);
    }

    /** kind, spec (YAML flow style), fragments the rejection message must contain (the field first). */
    static Stream<Arguments> invalid() {
        return Stream.of(
                // Foreman
                Arguments.of("Foreman", "{dynflow_workers: two}", List.of("spec.dynflow_workers", "integer")),
                Arguments.of(
                        "Foreman",
                        "{dynflow_workers: -1}",
                        List.of("spec.dynflow_workers", "greater than or equal to 0")),
                Arguments.of("Foreman", "{replicas: 0}", List.of("spec.replicas", "greater than or equal to 1")),
                Arguments.of(
                        "Foreman", "{settings: {foreman_url: 'http://x'}}", List.of("spec.settings", "foreman_url")),
                Arguments.of("Foreman", "{settings: {'Bad-Key': 'x'}}", List.of("spec.settings", "lowercase")),
                Arguments.of("Foreman", "{cache: {enabled: false}}", List.of("spec.cache", "needs Redis")),
                Arguments.of("Foreman", "{plugins: {katelo: true}}", List.of("spec.plugins", "unknown plugin")),
                Arguments.of("Foreman", "{plugins: {katello: 'yes'}}", List.of("spec.plugins.katello", "boolean")),
                Arguments.of(
                        "Foreman",
                        "{plugins: {ansible: true}}",
                        List.of("spec.plugins", "plugins.ansible requires plugins.remote_execution")),
                Arguments.of(
                        "Foreman",
                        "{plugins: {rh_cloud: true}}",
                        List.of("spec.plugins", "plugins.rh_cloud requires plugins.katello")),
                Arguments.of(
                        "Foreman",
                        "{version: '3.16', image: 'registry.example/foreman:1'}",
                        List.of("spec", "either version", "or image")),
                Arguments.of("Foreman", "{version: latest}", List.of("spec.version", "should match")),
                Arguments.of("Foreman", "{hostname: Foreman_Host}", List.of("spec.hostname", "should match")),
                Arguments.of(
                        "Foreman", "{pulp: {file_storage_size: 10Gi}}", List.of("spec.pulp", "enable plugins.katello")),
                Arguments.of(
                        "Foreman", "{ingress: {type: ingress}}", List.of("spec.ingress", "ingress.host is required")),
                Arguments.of("Foreman", "{ingress: {type: public}}", List.of("spec.ingress.type", "Unsupported value")),
                Arguments.of(
                        "Foreman",
                        "{database: {external_db_secret: db, postgres_storage_requirements: 5Gi}}",
                        List.of("spec.database", "external_db_secret excludes")),
                Arguments.of(
                        "Foreman", "{deletion_policy: Destroy}", List.of("spec.deletion_policy", "Unsupported value")),
                Arguments.of(
                        "Foreman", "{web: {replicas: 0}}", List.of("spec.web.replicas", "greater than or equal to 1")),
                Arguments.of(
                        "Foreman",
                        "{web: {pdb: {min_available: 1, max_unavailable: 1}}}",
                        List.of("spec.web.pdb", "exactly one of min_available and max_unavailable")),
                Arguments.of(
                        "Foreman",
                        "{web: {hpa: {min_replicas: 5, max_replicas: 2}}}",
                        List.of("spec.web.hpa", "hpa.min_replicas must not exceed")),
                Arguments.of(
                        "Foreman",
                        "{web: {hpa: {min_replicas: 1}}}",
                        List.of("spec.web.hpa.max_replicas", "Required value")),
                Arguments.of(
                        "Foreman",
                        "{plugins: {katello: true}, smart_proxy: {foreman: {name: other}}}",
                        List.of("spec.smart_proxy", "smart_proxy.foreman is set by the operator")),
                Arguments.of(
                        "Foreman",
                        "{cache: {enabled: false, external_cache_secret: redis}}",
                        List.of("spec.cache", "external_cache_secret is set but cache.enabled is false")),
                // Pulp
                Arguments.of(
                        "Pulp",
                        "{file_storage_size: 10Gi, object_storage_s3_secret: s3}",
                        List.of("spec", "choose one storage backend")),
                Arguments.of(
                        "Pulp",
                        "{pvc: claim, object_storage_azure_secret: az}",
                        List.of("spec", "choose one storage backend")),
                Arguments.of(
                        "Pulp", "{file_storage_size: ten gigs}", List.of("spec.file_storage_size", "should match")),
                Arguments.of(
                        "Pulp",
                        "{file_storage_access_mode: ReadWriteSometimes}",
                        List.of("spec.file_storage_access_mode", "Unsupported value")),
                Arguments.of(
                        "Pulp",
                        "{pvc: claim, file_storage_storage_class: fast}",
                        List.of("spec", "file_storage_storage_class and file_storage_access_mode")),
                Arguments.of("Pulp", "{ingress_type: ingress}", List.of("spec", "ingress_host is required")),
                Arguments.of(
                        "Pulp",
                        "{nodeport_port: 80, ingress_type: nodeport}",
                        List.of("spec.nodeport_port", "greater than or equal to 30000")),
                Arguments.of(
                        "Pulp", "{api: {replicas: -1}}", List.of("spec.api.replicas", "greater than or equal to 1")),
                Arguments.of("Pulp", "{worker: {replicas: many}}", List.of("spec.worker.replicas", "integer")),
                Arguments.of("Pulp", "{allowed_content_checksums: [sha512]}", List.of("spec", "must contain sha256")),
                Arguments.of(
                        "Pulp",
                        "{allowed_content_checksums: [sha256, crc32]}",
                        List.of("spec.allowed_content_checksums[1]", "Unsupported value")),
                Arguments.of(
                        "Pulp", "{content_origin: pulp.example.com}", List.of("spec.content_origin", "should match")),
                Arguments.of(
                        "Pulp",
                        "{image_pull_policy: Sometimes}",
                        List.of("spec.image_pull_policy", "Unsupported value")),
                Arguments.of(
                        "Pulp",
                        "{foreman: {url: 'https://foreman.example.com'}}",
                        List.of("spec.foreman", "credentials_secret is required")),
                // SmartProxy
                Arguments.of("SmartProxy", "{replicas: 1}", List.of("spec", "spec.foreman is required")),
                Arguments.of(
                        "SmartProxy",
                        "{foreman: {name: f, url: 'https://f.example.com', credentials_secret: c}}",
                        List.of("spec.foreman", "exactly one of name")),
                Arguments.of(
                        "SmartProxy",
                        "{foreman: {url: 'ftp//f', credentials_secret: c}}",
                        List.of("spec.foreman.url", "should match")),
                Arguments.of(
                        "SmartProxy",
                        "{foreman: {name: f}, features: {ansible: {}}}",
                        List.of("spec.features", "features.ansible needs features.remote_execution_ssh")),
                Arguments.of(
                        "SmartProxy",
                        "{foreman: {name: f}, features: {remote_execution_ssh: {mode: telnet}}}",
                        List.of("spec.features.remote_execution_ssh.mode", "Unsupported value")),
                Arguments.of(
                        "SmartProxy",
                        "{foreman: {name: f}, service: {type: ExternalName}}",
                        List.of("spec.service.type", "Unsupported value")),
                Arguments.of(
                        "SmartProxy",
                        "{foreman: {name: f}, replicas: 0}",
                        List.of("spec.replicas", "greater than or equal to 1")),
                Arguments.of(
                        "SmartProxy",
                        "{foreman: {name: f}, ingress: {type: nodeport, nodeport_port: 99999}}",
                        List.of("spec.ingress.nodeport_port", "less than or equal to 32767")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalid")
    void rejectsInvalidInputNamingTheField(
            String kind, String spec, List<String> fragments, KubernetesClient admin, TestNamespace namespace) {
        GenericKubernetesResource resource = resource(kind, "invalid", spec);
        assertThatThrownBy(() -> admin.genericKubernetesResources(ApiGroup.API_VERSION, kind)
                        .inNamespace(namespace.name())
                        .resource(resource)
                        .create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    for (String fragment : fragments) {
                        assertThat(e.getStatus().getMessage()).contains(fragment);
                    }
                });
    }

    @Test
    void managedDatabaseStorageClassIsImmutable(KubernetesClient admin, TestNamespace namespace) {
        var pulps =
                admin.genericKubernetesResources(ApiGroup.API_VERSION, "Pulp").inNamespace(namespace.name());
        GenericKubernetesResource created = pulps.resource(
                        resource("Pulp", "immutable", "{database: {postgres_storage_class: fast}}"))
                .create();
        created.setAdditionalProperty("spec", Map.of("database", Map.of("postgres_storage_class", "slow")));
        assertThatThrownBy(() -> pulps.resource(created).update())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getStatus().getMessage())
                            .contains("spec.database")
                            .contains("postgres_storage_class is immutable");
                });
        created.setAdditionalProperty("spec", Map.of("database", Map.of()));
        assertThatThrownBy(() -> pulps.resource(created).update())
                .hasMessageContaining("postgres_storage_class is immutable");
    }

    @Test
    void statusWritesKeepTheGenerationAndSpecWritesBumpIt(KubernetesClient admin, TestNamespace namespace) {
        var pulps = admin.resources(Pulp.class).inNamespace(namespace.name());
        Pulp pulp = new Pulp();
        pulp.getMetadata().setName("generations");
        Pulp created = pulps.resource(pulp).create();
        long generation = created.getMetadata().getGeneration();

        PulpStatus status = new PulpStatus();
        status.setObservedGeneration(generation);
        status.setVersion("3.123.1");
        created.setStatus(status);
        Pulp afterStatus = pulps.resource(created).updateStatus();
        assertThat(afterStatus.getMetadata().getGeneration()).isEqualTo(generation);
        assertThat(afterStatus.getStatus().getVersion()).isEqualTo("3.123.1");

        afterStatus.getSpec().setFileStorageSize("20Gi");
        assertThat(pulps.resource(afterStatus).update().getMetadata().getGeneration())
                .isEqualTo(generation + 1);
    }

    @Test
    void kubectlShowsColumnsAndExplainsFields(ControlPlane plane, TestNamespace namespace) {
        String ns = namespace.name();
        Pulp pulp = new Pulp();
        pulp.getMetadata().setName("listed");
        plane.admin().resources(Pulp.class).inNamespace(ns).resource(pulp).create();
        String table = plane.kubectl("get", "theforeman", "-n", ns);
        assertThat(table.lines().findFirst().orElse("")).containsPattern("NAME\\s+READY\\s+VERSION\\s+AGE");
        assertThat(table).contains("pulp.app.theforeman.org/listed");
        assertThat(plane.kubectl("get", "foreman,proxy,pulp", "-n", ns, "-o", "wide")
                        .lines()
                        .filter(l -> l.startsWith("NAME"))
                        .findFirst()
                        .orElse(""))
                .contains("REASON");

        assertThat(explain(plane, "foreman.spec.plugins")).contains("by name: katello, remote_execution, ansible");
        assertThat(explain(plane, "pulp.spec.database.external_db_secret")).contains("POSTGRES_PASSWORD");
        assertThat(explain(plane, "proxy.spec.features.remote_execution_ssh.mode"))
                .contains("pull-mqtt");
    }

    /** kubectl explain's text with line wrapping undone. */
    private static String explain(ControlPlane plane, String field) {
        return plane.kubectl("explain", field).replaceAll("\\s+", " ");
    }

    private static GenericKubernetesResource resource(String kind, String name, String specYaml) {
        String yaml = "apiVersion: " + ApiGroup.API_VERSION + "\nkind: " + kind + "\nmetadata: {name: " + name
                + "}\nspec: " + specYaml + "\n";
        return Serialization.unmarshal(yaml, GenericKubernetesResource.class);
    }
}
