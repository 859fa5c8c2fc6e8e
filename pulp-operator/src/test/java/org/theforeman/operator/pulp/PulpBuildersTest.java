package org.theforeman.operator.pulp;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.api.v1alpha1.PulpSpec;
import org.theforeman.operator.common.resources.ConfigHash;
import org.theforeman.operator.pulp.model.ApiDeployment;
import org.theforeman.operator.pulp.model.ComponentService;
import org.theforeman.operator.pulp.model.ContentDeployment;
import org.theforeman.operator.pulp.model.FileStorageClaim;
import org.theforeman.operator.pulp.model.MigrationJob;
import org.theforeman.operator.pulp.model.PulpIngress;
import org.theforeman.operator.pulp.model.PulpRoutes;
import org.theforeman.operator.pulp.model.SettingsConfigMap;
import org.theforeman.operator.pulp.model.WebConfigMap;
import org.theforeman.operator.pulp.model.WebDeployment;
import org.theforeman.operator.pulp.model.WorkerDeployment;

/** The desired objects built from a table of specs, checked without a cluster. */
class PulpBuildersTest {
    private static final String IMAGE = "quay.io/pulp/pulp-minimal:3.123.1";

    static Pulp pulp(String spec) {
        return Serialization.unmarshal(
                "apiVersion: app.theforeman.org/v1alpha1\nkind: Pulp\nmetadata: {name: p, namespace: "
                        + "ns, uid: u1, labels: {team: content}}\nspec: "
                        + spec,
                Pulp.class);
    }

    /** Inputs as the resolver makes them for a spec, with the referenced Secrets present. */
    static PulpInputs inputs(Pulp pulp, Map<String, String> customSettings) {
        var lookup = new PulpInputsResolverTest.FakeLookup()
                .secret(
                        "db",
                        Map.of(
                                "POSTGRES_HOST",
                                "h",
                                "POSTGRES_PORT",
                                "5432",
                                "POSTGRES_USERNAME",
                                "u",
                                "POSTGRES_PASSWORD",
                                "pw",
                                "POSTGRES_DB_NAME",
                                "d"))
                .secret("redis", Map.of("REDIS_HOST", "r", "REDIS_PORT", "6379"))
                .secret("s3", Map.of("s3-access-key-id", "a", "s3-secret-access-key", "b", "s3-bucket-name", "c"))
                .secret(
                        "s3public",
                        Map.of(
                                "s3-access-key-id",
                                "a",
                                "s3-secret-access-key",
                                "b",
                                "s3-bucket-name",
                                "c",
                                "s3-custom-domain",
                                "downloads.example.com"));
        lookup.configMaps.put(
                "extra",
                new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("extra")
                        .endMetadata()
                        .withData(customSettings)
                        .build());
        var result = PulpInputsResolver.resolve(pulp, lookup);
        assertThat(result.problems()).isEmpty();
        return result.inputs();
    }

    static Stream<String> specs() {
        return Stream.of(
                "{}",
                "{database: {external_db_secret: db}, cache: {external_cache_secret: redis}}",
                "{object_storage_s3_secret: s3, cache: {enabled: true}}",
                "{custom_pulp_settings: extra, api: {replicas: 3, hpa: {max_replicas: 5}, pdb: {min_available: 1}}}",
                "{ingress_type: ingress, ingress_host: pulp.example.com, ingress_tls_secret: tls}");
    }

    @ParameterizedTest
    @MethodSource("specs")
    void componentsServeTheirPortsWithProbesAndRestrictedSecurity(String spec) {
        Pulp pulp = pulp(spec);
        PulpInputs inputs = inputs(pulp, Map.of("TOKEN_AUTH_DISABLED", "True"));
        Deployment api = ApiDeployment.desired(pulp, inputs, IMAGE);
        Deployment content = ContentDeployment.desired(pulp, inputs, IMAGE);
        Deployment worker = WorkerDeployment.desired(pulp, inputs, IMAGE);

        Container apiContainer = container(api);
        assertThat(apiContainer.getPorts())
                .singleElement()
                .satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(24817));
        assertThat(apiContainer.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/pulp/api/v3/status/");
        assertThat(apiContainer.getCommand()).startsWith("pulpcore-api", "--bind", "0.0.0.0:24817");
        Container contentContainer = container(content);
        assertThat(contentContainer.getPorts())
                .singleElement()
                .satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(24816));
        assertThat(contentContainer.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/pulp/content/");
        assertThat(container(worker).getCommand()).containsExactly("pulpcore-worker");
        assertThat(container(worker).getPorts()).isEmpty();

        for (Deployment deployment : List.of(api, content, worker)) {
            Container c = container(deployment);
            assertThat(c.getImage()).isEqualTo(IMAGE);
            assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(c.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(deployment
                            .getSpec()
                            .getTemplate()
                            .getSpec()
                            .getSecurityContext()
                            .getSeccompProfile()
                            .getType())
                    .isEqualTo("RuntimeDefault");
            assertThat(deployment
                            .getSpec()
                            .getStrategy()
                            .getRollingUpdate()
                            .getMaxUnavailable()
                            .getIntVal())
                    .as("no downtime")
                    .isZero();
            assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsKey(ConfigHash.ANNOTATION);
            assertThat(deployment.getMetadata().getLabels())
                    .containsEntry("app.kubernetes.io/managed-by", "pulp-operator")
                    .containsEntry("app.kubernetes.io/part-of", "foreman-suite")
                    .containsEntry("team", "content");
            assertThat(deployment.getMetadata().getOwnerReferences())
                    .singleElement()
                    .satisfies(o -> assertThat(o.getUid()).isEqualTo("u1"));
            // Secrets reach the pods by reference, never as literal values.
            for (String secretEnv : List.of("POSTGRES_PASSWORD", "POSTGRES_HOST", "DJANGO_SECRET_KEY")) {
                EnvVar env = env(c, secretEnv).orElseThrow();
                assertThat(env.getValue()).as(secretEnv).isNull();
                assertThat(env.getValueFrom().getSecretKeyRef().getName()).isNotBlank();
            }
            assertThat(c.getEnv()).noneSatisfy(e -> assertThat(e.getValue()).isIn("pw", "b", "a"));
        }
    }

    @Test
    void configHashChangesExactlyWhenConfigurationChanges() {
        Pulp pulp = pulp("{custom_pulp_settings: extra}");
        String base = hash(pulp, inputs(pulp, Map.of("TOKEN_AUTH_DISABLED", "True")));
        assertThat(hash(pulp, inputs(pulp, Map.of("TOKEN_AUTH_DISABLED", "True"))))
                .as("stable")
                .isEqualTo(base);
        assertThat(hash(pulp, inputs(pulp, Map.of("TOKEN_AUTH_DISABLED", "False"))))
                .as("custom setting changed")
                .isNotEqualTo(base);

        Pulp scaled = pulp("{custom_pulp_settings: extra, api: {replicas: 4}, image_version: '3.124.0'}");
        assertThat(hash(scaled, inputs(scaled, Map.of("TOKEN_AUTH_DISABLED", "True"))))
                .as("replicas and image roll through their own fields, not the hash")
                .isEqualTo(base);
        Pulp exposed = pulp("{custom_pulp_settings: extra, content_origin: 'https://pulp.example.com'}");
        assertThat(hash(exposed, inputs(exposed, Map.of("TOKEN_AUTH_DISABLED", "True"))))
                .as("CONTENT_ORIGIN changed")
                .isNotEqualTo(base);
    }

    @Test
    void settingsHoldNoSecretAndEndWithTheCustomSettings() {
        Pulp pulp = pulp("{custom_pulp_settings: extra, database: {external_db_secret: db}}");
        String settings = SettingsConfigMap.desired(
                        pulp, inputs(pulp, new TreeMap<>(Map.of("TOKEN_AUTH_DISABLED", "True", "ANALYTICS", "False"))))
                .getData()
                .get("settings.py");
        assertThat(settings)
                .contains("\"PASSWORD\": os.environ[\"POSTGRES_PASSWORD\"]")
                .doesNotContain("pw");
        assertThat(settings).contains("CONTENT_ORIGIN = \"http://p-content.ns.svc:24816\"");
        assertThat(settings).contains("ALLOWED_CONTENT_CHECKSUMS = [\"sha224\", \"sha256\", \"sha384\", \"sha512\"]");
        assertThat(settings.strip()).endsWith("TOKEN_AUTH_DISABLED = True");
    }

    @Test
    void artifactClaimIsRetainedUnlessDeletionIsAskedFor() {
        assertThat(FileStorageClaim.desired(pulp("{}")).getMetadata().getOwnerReferences())
                .isEmpty();
        assertThat(FileStorageClaim.desired(pulp("{deletion_policy: Delete}"))
                        .getMetadata()
                        .getOwnerReferences())
                .hasSize(1);
        assertThat(FileStorageClaim.desired(pulp("{file_storage_size: 50Gi, file_storage_access_mode: ReadWriteMany}"))
                        .getSpec())
                .satisfies(s -> {
                    assertThat(s.getAccessModes()).containsExactly("ReadWriteMany");
                    assertThat(s.getResources().getRequests().get("storage").toString())
                            .isEqualTo("50Gi");
                });
    }

    @Test
    void migrationJobIsNamedAfterTheImageAndSetsTheAdminPassword() {
        Pulp pulp = pulp("{}");
        Pulp upgraded = pulp("{image_version: '3.124.0', api: {replicas: 5}}");
        assertThat(MigrationJob.name(pulp, inputs(pulp, Map.of())))
                .isNotEqualTo(MigrationJob.name(upgraded, inputs(upgraded, Map.of())));
        Pulp scaled = pulp("{api: {replicas: 5}}");
        assertThat(MigrationJob.name(scaled, inputs(scaled, Map.of())))
                .isEqualTo(MigrationJob.name(pulp, inputs(pulp, Map.of())));
        Container migrate = MigrationJob.desired(pulp, inputs(pulp, Map.of()))
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
        assertThat(String.join(" ", migrate.getCommand()))
                .contains("pulpcore-manager migrate --noinput")
                .contains("reset-admin-password");
        assertThat(env(migrate, "PULP_ADMIN_PASSWORD")
                        .orElseThrow()
                        .getValueFrom()
                        .getSecretKeyRef()
                        .getName())
                .isEqualTo("p-admin-password");
    }

    @Test
    void autoscaledComponentLeavesReplicasToTheAutoscaler() {
        Pulp pulp = pulp("{api: {replicas: 3, hpa: {max_replicas: 5}}, content: {replicas: 2}}");
        assertThat(ApiDeployment.desired(pulp, inputs(pulp, Map.of()), IMAGE)
                        .getSpec()
                        .getReplicas())
                .isNull();
        assertThat(ContentDeployment.desired(pulp, inputs(pulp, Map.of()), IMAGE)
                        .getSpec()
                        .getReplicas())
                .isEqualTo(2);
    }

    @Test
    void exposure() {
        Pulp ingress = pulp("{ingress_type: ingress, ingress_host: pulp.example.com, ingress_tls_secret: tls}");
        var rule = PulpIngress.desired(ingress, inputs(ingress, Map.of()))
                .getSpec()
                .getRules()
                .get(0);
        assertThat(rule.getHost()).isEqualTo("pulp.example.com");
        assertThat(rule.getHttp().getPaths())
                .extracting(p -> p.getPath() + " " + p.getBackend().getService().getName())
                .containsExactly("/pulp/api/ p-api", "/pulp/content/ p-content");
        assertThat(inputs(ingress, Map.of()).contentOrigin()).isEqualTo("https://pulp.example.com");
        assertThat(ComponentService.content(pulp("{ingress_type: nodeport, nodeport_port: 30080}"))
                        .getSpec())
                .satisfies(s -> {
                    assertThat(s.getType()).isEqualTo("NodePort");
                    assertThat(s.getPorts().get(0).getNodePort()).isEqualTo(30080);
                });
    }

    @Test
    void customContentPathIsFollowedByProbesAndIngress() {
        Pulp pulp = pulp("{custom_pulp_settings: extra, ingress_type: ingress, ingress_host: pulp.example.com}");
        PulpInputs inputs = inputs(pulp, Map.of("CONTENT_PATH_PREFIX", "\"/pulp/custom-content/\""));
        assertThat(container(ContentDeployment.desired(pulp, inputs, IMAGE))
                        .getReadinessProbe()
                        .getHttpGet()
                        .getPath())
                .isEqualTo("/pulp/custom-content/");
        assertThat(PulpIngress.desired(pulp, inputs)
                        .getSpec()
                        .getRules()
                        .get(0)
                        .getHttp()
                        .getPaths())
                .extracting(p -> p.getPath())
                .containsExactly("/pulp/api/", "/pulp/custom-content/");
    }

    @Test
    void everyPulpPodPreparesItsDataDirectoriesFirst() {
        Pulp pulp = pulp("{}");
        PulpInputs inputs = inputs(pulp, Map.of());
        for (var pod : List.of(
                ApiDeployment.desired(pulp, inputs, IMAGE)
                        .getSpec()
                        .getTemplate()
                        .getSpec(),
                WorkerDeployment.desired(pulp, inputs, IMAGE)
                        .getSpec()
                        .getTemplate()
                        .getSpec(),
                MigrationJob.desired(pulp, inputs).getSpec().getTemplate().getSpec())) {
            assertThat(pod.getInitContainers()).singleElement().satisfies(init -> {
                assertThat(String.join(" ", init.getCommand()))
                        .contains("mkdir -p /var/lib/pulp/tmp /var/lib/pulp/media");
                assertThat(init.getImage()).isEqualTo(pod.getContainers().get(0).getImage());
                assertThat(init.getSecurityContext().getAllowPrivilegeEscalation())
                        .isFalse();
            });
        }
    }

    @Test
    void webProxyForwardsToApiAndContentUnprivileged() throws Exception {
        Pulp pulp = pulp("{web: {replicas: 2}, custom_pulp_settings: extra}");
        PulpInputs inputs = inputs(pulp, Map.of("CONTENT_PATH_PREFIX", "\"/pulp/custom-content/\""));
        String config = WebConfigMap.desired(pulp, inputs).getData().get("nginx.conf");
        assertThat(config)
                .contains("listen 8080;")
                .contains("server p-api:24817;")
                .contains("server p-content:24816;")
                .contains("location /pulp/custom-content/ {\n            proxy_pass http://pulp-content;")
                .contains("location / {")
                .contains("proxy_pass http://pulp-api;")
                .contains("pid /tmp/nginx.pid;")
                // pulp-cli uploads whole files: no limit unless nginx_client_max_body_size sets one.
                .contains("client_max_body_size 0;")
                .contains("proxy_set_header X-Forwarded-Proto $pulp_forwarded_proto;")
                .contains("default $http_x_forwarded_proto;")
                .contains("\"\" $scheme;")
                .doesNotContain("X-Forwarded-Proto $scheme");
        assertThat(PulpSettings.render(pulp, inputs))
                .as("pulp trusts the proxy's X-Forwarded-Proto")
                .contains("SECURE_PROXY_SSL_HEADER = (\"HTTP_X_FORWARDED_PROTO\", \"https\")\n");
        Pulp direct = pulp("{}");
        assertThat(PulpSettings.render(direct, inputs(direct, Map.of()))).doesNotContain("SECURE_PROXY_SSL_HEADER");
        Pulp limited = pulp("{web: {}, nginx_client_max_body_size: 500m}");
        assertThat(WebConfigMap.desired(limited, inputs(limited, Map.of()))
                        .getData()
                        .get("nginx.conf"))
                .contains("client_max_body_size 500m;");
        var web = WebDeployment.desired(pulp, inputs);
        assertThat(web.getSpec().getReplicas()).isEqualTo(2);
        assertThat(container(web).getImage()).isEqualTo("quay.io/pulp/pulp-web:" + PulpSpec.DEFAULT_VERSION);
        assertThat(container(web).getSecurityContext().getAllowPrivilegeEscalation())
                .isFalse();
        assertThat(web.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot())
                .isTrue();
        // Where nginx is installed, the generated configuration must also be valid nginx syntax.
        Path nginx = Path.of("/usr/sbin/nginx");
        if (Files.isExecutable(nginx)) {
            Path file = Files.createTempFile("pulp-web", ".conf");
            // Service names resolve only in a cluster: check syntax against loopback upstreams.
            Files.writeString(
                    file,
                    config.replace("server p-api:", "server 127.0.0.1:")
                            .replace("server p-content:", "server 127.0.0.1:"));
            Process check = new ProcessBuilder(nginx.toString(), "-t", "-c", file.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(check.getInputStream().readAllBytes());
            assertThat(check.waitFor()).as(output).isZero();
        }
    }

    @Test
    void contentOriginIsTheAddressClientsUseAndSaysWhenItIsAGuess() {
        var web = inputs(pulp("{web: {}}"), Map.of());
        assertThat(web.contentOrigin()).isEqualTo("http://p-web.ns.svc:8080");
        assertThat(web.contentOriginNote()).isNull();
        var plain = inputs(pulp("{}"), Map.of());
        assertThat(plain.contentOrigin()).isEqualTo("http://p-content.ns.svc:24816");
        assertThat(plain.contentOriginNote()).isNull();
        var ingress = inputs(pulp("{web: {}, ingress_type: ingress, ingress_host: pulp.example.com}"), Map.of());
        assertThat(ingress.contentOrigin()).isEqualTo("http://pulp.example.com");
        assertThat(ingress.contentOriginNote()).isNull();
        var route = inputs(pulp("{web: {}, ingress_type: route, route_host: pulp.apps.example.com}"), Map.of());
        assertThat(route.contentOrigin()).isEqualTo("https://pulp.apps.example.com");
        var explicit = inputs(pulp("{ingress_type: nodeport, content_origin: 'http://node:30080'}"), Map.of());
        assertThat(explicit.contentOrigin()).isEqualTo("http://node:30080");
        assertThat(explicit.contentOriginNote()).isNull();
        for (String spec : List.of(
                "{web: {}, ingress_type: route}",
                "{web: {}, ingress_type: nodeport}",
                "{ingress_type: loadbalancer}")) {
            var guessed = inputs(pulp(spec), Map.of());
            assertThat(guessed.contentOriginNote())
                    .as(spec)
                    .contains("CONTENT_ORIGIN is " + guessed.contentOrigin())
                    .contains("Set content_origin");
        }
    }

    @Test
    void ingressAndRoutesLeadToTheWebProxyWhenThereIsOne() {
        Pulp pulp = pulp("{web: {}, ingress_type: ingress, ingress_host: pulp.example.com}");
        assertThat(PulpIngress.desired(pulp, inputs(pulp, Map.of()))
                        .getSpec()
                        .getRules()
                        .get(0)
                        .getHttp()
                        .getPaths())
                .extracting(p -> p.getPath() + " " + p.getBackend().getService().getName() + ":"
                        + p.getBackend().getService().getPort().getNumber())
                .containsExactly("/ p-web:8080");
        Pulp route = pulp("{web: {}, ingress_type: route, route_host: pulp.apps.example.com}");
        assertThat(PulpRoutes.desired(route, inputs(route, Map.of())))
                .extracting(r -> r.getMetadata().getName() + " " + Serialization.asJson(r.getAdditionalProperties()))
                .allSatisfy(r -> assertThat(r).contains("\"name\":\"p-web\""))
                .anySatisfy(r -> assertThat(r).startsWith("p-api ").contains("\"path\":\"/\""));
    }

    @Test
    void objectStorageRedirectCanBeTurnedOffAndPointedElsewhere() {
        Pulp pulp = pulp("{object_storage_s3_secret: s3, redirect_to_object_storage: false}");
        PulpInputs inputs = inputs(pulp, Map.of());
        assertThat(PulpSettings.render(pulp, inputs))
                .contains("REDIRECT_TO_OBJECT_STORAGE = False\n")
                .contains("\"custom_domain\": os.environ.get(\"S3_CUSTOM_DOMAIN\") or None,");
        assertThat(env(container(ApiDeployment.desired(pulp, inputs, IMAGE)), "S3_CUSTOM_DOMAIN")
                        .orElseThrow()
                        .getValueFrom()
                        .getSecretKeyRef())
                .satisfies(ref -> {
                    assertThat(ref.getName()).isEqualTo("s3");
                    assertThat(ref.getKey()).isEqualTo("s3-custom-domain");
                    assertThat(ref.getOptional()).isTrue();
                });
        Pulp redirecting = pulp("{object_storage_s3_secret: s3}");
        assertThat(PulpSettings.render(redirecting, inputs(redirecting, Map.of())))
                .as("pulpcore's default (True) unless the spec says otherwise")
                .doesNotContain("REDIRECT_TO_OBJECT_STORAGE");
    }

    @Test
    void domainLevelSettingsRunTheMigrationAgain() {
        Pulp file = pulp("{custom_pulp_settings: extra}");
        String plain = MigrationJob.name(file, inputs(file, Map.of()));
        assertThat(plain)
                .as("file storage with pulpcore's defaults keeps the image-only name")
                .isEqualTo(PulpNames.of(file).migrationJob(ConfigHash.ofText(IMAGE)));
        assertThat(MigrationJob.name(file, inputs(file, Map.of("ANALYTICS", "False"))))
                .isEqualTo(plain);
        assertThat(MigrationJob.name(file, inputs(file, Map.of("HIDE_GUARDED_DISTRIBUTIONS", "True"))))
                .isNotEqualTo(plain);
        Pulp s3 = pulp("{object_storage_s3_secret: s3, custom_pulp_settings: extra}");
        String onS3 = MigrationJob.name(s3, inputs(s3, Map.of()));
        assertThat(onS3).as("the storage backend").isNotEqualTo(plain);
        Pulp off = pulp("{object_storage_s3_secret: s3, redirect_to_object_storage: false}");
        String redirectOff = MigrationJob.name(off, inputs(off, Map.of()));
        assertThat(redirectOff).isNotEqualTo(onS3);
        assertThat(MigrationJob.name(s3, inputs(s3, Map.of("REDIRECT_TO_OBJECT_STORAGE", "False"))))
                .as("through custom_pulp_settings, the same value")
                .isEqualTo(redirectOff);
        assertThat(MigrationJob.target(off, inputs(off, Map.of())))
                .isEqualTo(IMAGE + " with REDIRECT_TO_OBJECT_STORAGE=False, STORAGE=S3");
        // Redirects to a public address: a new Job too (it clears the cached redirects); the value stays out.
        Pulp published = pulp("{object_storage_s3_secret: s3public}");
        String target = MigrationJob.target(published, inputs(published, Map.of()));
        assertThat(target)
                .matches(".* with S3_CUSTOM_DOMAIN=[0-9a-f]{10}, STORAGE=S3")
                .doesNotContain("example");
        assertThat(MigrationJob.name(published, inputs(published, Map.of()))).isNotEqualTo(onS3);
        // A cached redirect would outlive the setting: with Redis the Job clears the content cache.
        Pulp cached = pulp("{object_storage_s3_secret: s3, cache: {enabled: true}}");
        assertThat(String.join(" ", migrateCommand(cached)))
                .contains("pulpcore-manager migrate --noinput;")
                .contains("; pulpcore-manager clear-cache ||");
        assertThat(String.join(" ", migrateCommand(off))).doesNotContain("clear-cache");
    }

    private static List<String> migrateCommand(Pulp pulp) {
        return MigrationJob.desired(pulp, inputs(pulp, Map.of()))
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getCommand();
    }

    private static String hash(Pulp pulp, PulpInputs inputs) {
        return ApiDeployment.desired(pulp, inputs, IMAGE)
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations()
                .get(ConfigHash.ANNOTATION);
    }

    private static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static Optional<EnvVar> env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst();
    }
}
