package org.theforeman.operator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.common.foreman.ForemanStandIn;
import org.theforeman.operator.common.tls.SuiteCa;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.RepositoryLayout;
import org.theforeman.operator.e2e.harness.TestNamespace;
import org.theforeman.operator.e2e.harness.WithControlPlane;

/**
 * No secret value leaves its Secret: with the operators running as processes and their resources Ready,
 * every value of every Secret in the namespace (generated credentials and keys, and the user's own) is
 * looked for in each operator's log, in every event, in the status of every resource of the suite and in
 * every ConfigMap, for all three operators. Public material (certificates, public keys) is not secret and is left out.
 */
@WithControlPlane
class SecretsStayOutIT {
    private static final List<String> PLURALS = List.of("pulps", "smartproxies", "foremen");
    /** Keys of credentials: passwords, keys, tokens (a database host or port in the same Secret is not secret). */
    private static final Pattern CREDENTIAL = Pattern.compile("(?i).*(password|secret|key|token|id_rsa).*");
    /** Keys whose values are public by nature. */
    private static final Set<String> PUBLIC_KEYS = Set.of("ca.crt", "tls.crt", "ssh-publickey", "id_rsa.pub");

    @Test
    void noSecretValueAppearsInLogsEventsStatusOrConfigMaps(ControlPlane plane, TestNamespace namespace)
            throws Exception {
        KubernetesClient admin = plane.admin();
        String ns = namespace.name();
        plane.applyCrds(RepositoryLayout.root().resolve("install/crds"));
        SuiteCa foremanCa = SuiteCa.generate("Foreman stand-in CA", Instant.now());
        List<OperatorProcess> operators = new ArrayList<>();
        try (ForemanStandIn foreman =
                ForemanStandIn.https("leak-test-key", "leak-test-consumer-secret-value", foremanCa)) {
            for (String module : List.of("pulp-operator", "smart-proxy-operator", "foreman-operator")) {
                operators.add(OperatorProcess.start(
                        module,
                        Map.of(
                                "KUBECONFIG",
                                plane.kubeconfig().toString(),
                                "WATCH_NAMESPACES",
                                ns,
                                "HTTP_PORT",
                                "0",
                                "LOG_LEVEL",
                                "debug")));
            }
            admin.resource(new SecretBuilder()
                            .withNewMetadata()
                            .withName("foreman-oauth")
                            .withNamespace(ns)
                            .endMetadata()
                            .withStringData(Map.of(
                                    "oauth_consumer_key", "leak-test-key",
                                    "oauth_consumer_secret", "leak-test-consumer-secret-value",
                                    "ca.crt", foremanCa.certificatePem()))
                            .build())
                    .create();
            apply(admin, ns, Files.readString(RepositoryLayout.root().resolve("samples/pulp-standalone.yaml")));
            apply(admin, ns, Files.readString(RepositoryLayout.root().resolve("samples/foreman-minimal.yaml")));
            apply(admin, ns, """
                    apiVersion: app.theforeman.org/v1alpha1
                    kind: SmartProxy
                    metadata: {name: proxy}
                    spec:
                      foreman: {url: "%s", credentials_secret: foreman-oauth}
                      features: {logs: {}, dynflow: {}, remote_execution_ssh: {mode: ssh}}
                    """.formatted(foreman.url()));
            for (String plural : PLURALS) {
                await().atMost(Duration.ofSeconds(120))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> allReady(admin, ns, plural));
            }

            Map<String, String> secrets = secretValues(admin, ns);
            assertThat(secrets).as("generated and user secrets found").hasSizeGreaterThan(5);
            Map<String, String> places = new LinkedHashMap<>();
            for (int i = 0; i < operators.size(); i++) {
                places.put("log of operator " + i, operators.get(i).output());
            }
            for (Event event : admin.v1().events().inNamespace(ns).list().getItems()) {
                places.put("event " + event.getMetadata().getName(), event.getReason() + " " + event.getMessage());
            }
            for (String plural : PLURALS) {
                for (GenericKubernetesResource resource : resources(admin, ns, plural)) {
                    places.put(
                            plural + "/" + resource.getMetadata().getName() + " status",
                            Serialization.asJson(
                                    resource.getAdditionalProperties().get("status")));
                }
            }
            for (ConfigMap configMap : admin.configMaps().inNamespace(ns).list().getItems()) {
                places.put("ConfigMap " + configMap.getMetadata().getName(), Serialization.asJson(configMap.getData()));
            }
            List<String> leaks = new ArrayList<>();
            secrets.forEach((where, value) -> places.forEach((place, text) -> {
                if (text != null && text.contains(value)) {
                    leaks.add(where + " appears in " + place);
                }
            }));
            System.out.printf(
                    "secrets stay out: %d secret values looked for in %d places (logs at debug, events, status,"
                            + " ConfigMaps): %d found%n",
                    secrets.size(), places.size(), leaks.size());
            assertThat(leaks).isEmpty();
        } finally {
            // While the operators still run: the Smart Proxy operator's finalizer must be able to let go.
            for (String plural : PLURALS) {
                admin.genericKubernetesResources("app.theforeman.org/v1alpha1", kindOf(plural))
                        .inNamespace(ns)
                        .withTimeout(60, TimeUnit.SECONDS)
                        .delete();
            }
            for (OperatorProcess operator : operators) {
                operator.close();
            }
        }
    }

    private static void apply(KubernetesClient admin, String ns, String yaml) {
        for (HasMetadata object : admin.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
                .items()) {
            object.getMetadata().setNamespace(ns);
            admin.resource(object).create();
        }
    }

    private static List<GenericKubernetesResource> resources(KubernetesClient admin, String ns, String plural) {
        return admin.genericKubernetesResources("app.theforeman.org/v1alpha1", kindOf(plural))
                .inNamespace(ns)
                .list()
                .getItems();
    }

    private static String kindOf(String plural) {
        return switch (plural) {
            case "pulps" -> "Pulp";
            case "smartproxies" -> "SmartProxy";
            default -> "Foreman";
        };
    }

    @SuppressWarnings("unchecked")
    private static boolean allReady(KubernetesClient admin, String ns, String plural) {
        List<GenericKubernetesResource> items = resources(admin, ns, plural);
        return !items.isEmpty()
                && items.stream().allMatch(r -> {
                    Object status = r.getAdditionalProperties().get("status");
                    if (!(status instanceof Map<?, ?> map) || !(map.get("conditions") instanceof List<?> conditions)) {
                        return false;
                    }
                    return conditions.stream()
                            .map(c -> (Map<String, Object>) c)
                            .anyMatch(c -> "Ready".equals(c.get("type")) && "True".equals(c.get("status")));
                });
    }

    /** Every credential in the namespace's Secrets, by Secret/key; short values could match by chance. */
    private static Map<String, String> secretValues(KubernetesClient admin, String ns) {
        Map<String, String> values = new HashMap<>();
        for (Secret secret : admin.secrets().inNamespace(ns).list().getItems()) {
            if (secret.getData() == null) {
                continue;
            }
            secret.getData().forEach((key, encoded) -> {
                String value = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
                if (CREDENTIAL.matcher(key).matches()
                        && !PUBLIC_KEYS.contains(key)
                        && !key.endsWith(".pub")
                        && value.length() >= 8) {
                    values.put(secret.getMetadata().getName() + "/" + key, value.strip());
                }
            });
        }
        return values;
    }
}
