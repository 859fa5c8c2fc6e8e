package org.theforeman.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
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

    /** Rules over the CEL cost budget make the API server refuse the whole CRD: all three are installed. */
    @Test
    void everyCrdIsEstablishedWithItsRules(KubernetesClient admin) {
        for (String name : List.of(Foreman.CRD_NAME, Pulp.CRD_NAME, SmartProxy.CRD_NAME)) {
            CustomResourceDefinition crd = admin.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .withName(name)
                    .get();
            assertThat(crd.getStatus().getConditions())
                    .anySatisfy(
                            c -> assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Established=True"));
            JSONSchemaProps spec = crd.getSpec()
                    .getVersions()
                    .get(0)
                    .getSchema()
                    .getOpenAPIV3Schema()
                    .getProperties()
                    .get("spec");
            JSONSchemaProps tolerations = name.equals(Pulp.CRD_NAME)
                    ? spec.getProperties().get("api").getProperties().get("tolerations")
                    : spec.getProperties().get("web") != null
                            ? spec.getProperties().get("web").getProperties().get("tolerations")
                            : spec.getProperties().get("tolerations");
            assertThat(tolerations.getMaxItems()).as(name).isEqualTo(32L);
            assertThat(tolerations.getItems().getSchema().getXKubernetesValidations())
                    .as(name)
                    .isNotEmpty();
        }
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

    /**
     * The battery of invalid resources in {@code admission/invalid.psv}, one a line: each is refused with 422 and a
     * message that names the field's path and says what is expected. A server-side dry run, so nothing is stored.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvFileSource(resources = "/admission/invalid.psv", delimiter = '|', maxCharsPerColumn = 8192)
    void rejectsInvalidInputNamingTheField(
            String kind, String spec, String fieldPath, String words, KubernetesClient admin, TestNamespace namespace) {
        GenericKubernetesResource resource = resource(kind, "invalid", spec);
        assertThatThrownBy(() -> admin.genericKubernetesResources(ApiGroup.API_VERSION, kind)
                        .inNamespace(namespace.name())
                        .resource(resource)
                        .dryRun()
                        .create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).as(e.getMessage()).isEqualTo(422);
                    String message = e.getStatus().getMessage();
                    assertThat(message).as("the field's path").contains(fieldPath + ":");
                    if (words != null) {
                        assertThat(message).contains(words);
                    }
                });
    }

    /** Valid edge cases in {@code admission/valid.psv} (quantities, prefixed labels, digests, IPs in URLs...). */
    @ParameterizedTest(name = "{0} {1}")
    @CsvFileSource(resources = "/admission/valid.psv", delimiter = '|', maxCharsPerColumn = 8192)
    void acceptsValidEdgeCases(String kind, String spec, KubernetesClient admin, TestNamespace namespace) {
        GenericKubernetesResource created = admin.genericKubernetesResources(ApiGroup.API_VERSION, kind)
                .inNamespace(namespace.name())
                .resource(resource(kind, "valid", spec))
                .dryRun()
                .create();
        assertThat(created.getMetadata().getName()).isEqualTo("valid");
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
