package org.theforeman.operator.common.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.resources.StandardLabels;
import org.theforeman.operator.common.runtime.OperatorLauncher;
import org.theforeman.operator.common.runtime.OperatorSettings;
import org.theforeman.operator.common.runtime.Registration;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.TestNamespace;
import org.theforeman.operator.e2e.harness.WithControlPlane;

/**
 * A write's answer goes into the informer's cache only when it is newer than what the cache holds: an
 * answer older than the cached object (another write came in between, its event already seen) never
 * replaces it, whether it answered a create or an update.
 */
@WithControlPlane
class WrittenAnswersIT {
    private static final String OPERATOR = "answers-test-operator";
    private static final String APP = "answers-test";
    /** What the probe's reconcile found in the cache after handing it the older answers. */
    static final Map<String, String> cachedVersions = new ConcurrentHashMap<>();

    static volatile ConfigMap olderAnswer;

    public static class AnswerProbe implements Reconciler<Pulp> {
        @Override
        public List<EventSource<?, Pulp>> prepareEventSources(EventSourceContext<Pulp> context) {
            return List.of(ManagedSources.managed(ConfigMap.class, context, APP, OPERATOR));
        }

        @Override
        public UpdateControl<Pulp> reconcile(Pulp pulp, Context<Pulp> context) {
            String namespace = pulp.getMetadata().getNamespace();
            ConfigMap cached = ManagedSources.cached(context, ConfigMap.class, namespace, "answered");
            ConfigMap older = olderAnswer;
            if (cached == null
                    || older == null
                    || cached.getMetadata()
                            .getResourceVersion()
                            .equals(older.getMetadata().getResourceVersion())) {
                return UpdateControl.noUpdate();
            }
            ManagedSources.written(context, ConfigMap.class, older, older);
            cachedVersions.put("after an older update answer", cachedVersion(context, namespace));
            ManagedSources.written(context, ConfigMap.class, older, null);
            cachedVersions.put("after an older create answer", cachedVersion(context, namespace));
            cachedVersions.put("newest", cached.getMetadata().getResourceVersion());
            return UpdateControl.noUpdate();
        }

        private static String cachedVersion(Context<Pulp> context, String namespace) {
            return ManagedSources.cached(context, ConfigMap.class, namespace, "answered")
                    .getMetadata()
                    .getResourceVersion();
        }
    }

    @Test
    void anOlderAnswerNeverReplacesANewerCachedObject(ControlPlane plane, TestNamespace namespace) throws Exception {
        KubernetesClient admin = plane.admin();
        plane.applyCrd(admin.apiextensions()
                .v1()
                .customResourceDefinitions()
                .load(getClass().getResourceAsStream("/META-INF/fabric8/pulps.app.theforeman.org-v1.yml"))
                .item());
        olderAnswer = admin.resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("answered")
                        .withNamespace(namespace.name())
                        .withLabels(Map.of(
                                StandardLabels.MANAGED_BY, OPERATOR,
                                StandardLabels.NAME, APP,
                                StandardLabels.INSTANCE, "probe"))
                        .endMetadata()
                        .addToData("version", "1")
                        .build())
                .create();
        admin.configMaps()
                .inNamespace(namespace.name())
                .withName("answered")
                .edit(c -> new ConfigMapBuilder(c).addToData("version", "2").build());
        OperatorSettings settings = new OperatorSettings(
                Optional.of(plane.kubeconfig()), 0, namespace.name(), false, Optional.empty(), Optional.empty());
        try (var running = OperatorLauncher.launch(
                OPERATOR, settings, client -> List.of(new Registration<>(Pulp.class, new AnswerProbe())))) {
            Pulp pulp = new Pulp();
            pulp.getMetadata().setName("probe");
            pulp.getMetadata().setNamespace(namespace.name());
            admin.resource(pulp).create();
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(cachedVersions).containsKey("newest"));
        }
        String newest = cachedVersions.get("newest");
        assertThat(newest).isNotEqualTo(olderAnswer.getMetadata().getResourceVersion());
        assertThat(cachedVersions)
                .containsEntry("after an older update answer", newest)
                .containsEntry("after an older create answer", newest);
    }
}
