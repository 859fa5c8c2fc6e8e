package org.theforeman.operator.common.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * With several watched namespaces JOSDK runs one informer per namespace over the item store the event
 * source was configured with; a list by one informer keeps only its own namespace's objects in a shared
 * store. The referenced and managed caches must still hold the objects of every watched namespace.
 */
@WithControlPlane
class SharedStoreNamespacesIT {
    private static final String OPERATOR = "store-test-operator";
    private static final String APP = "store-test";
    /** Per namespace: whether the last reconcile found the referenced Secret and the managed ConfigMap cached. */
    static final Map<String, Boolean> seen = new ConcurrentHashMap<>();

    public static class CacheProbe implements Reconciler<Pulp> {
        @Override
        public List<EventSource<?, Pulp>> prepareEventSources(EventSourceContext<Pulp> context) {
            return List.of(
                    ManagedSources.referenced(Secret.class, context, pulp -> Set.of("db")),
                    ManagedSources.managed(ConfigMap.class, context, APP, OPERATOR));
        }

        @Override
        @SuppressWarnings("unchecked")
        public UpdateControl<Pulp> reconcile(Pulp pulp, Context<Pulp> context) {
            String namespace = pulp.getMetadata().getNamespace();
            var secrets = (InformerEventSource<Secret, Pulp>) context.eventSourceRetriever()
                    .getEventSourceFor(Secret.class, ManagedSources.referencedName(Secret.class));
            boolean secret = secrets.get(new ResourceID("db", namespace)).isPresent();
            boolean configMap = ManagedSources.cached(context, ConfigMap.class, namespace, "managed") != null;
            seen.put(namespace, secret && configMap);
            return UpdateControl.noUpdate();
        }
    }

    @Test
    void everyWatchedNamespaceStaysCached(ControlPlane plane, TestNamespace first) throws Exception {
        KubernetesClient admin = plane.admin();
        plane.applyCrd(admin.apiextensions()
                .v1()
                .customResourceDefinitions()
                .load(getClass().getResourceAsStream("/META-INF/fabric8/pulps.app.theforeman.org-v1.yml"))
                .item());
        String second = first.name() + "-b";
        admin.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(second)
                        .endMetadata()
                        .build())
                .create();
        try {
            for (String namespace : List.of(first.name(), second)) {
                admin.resource(new SecretBuilder()
                                .withNewMetadata()
                                .withName("db")
                                .withNamespace(namespace)
                                .endMetadata()
                                .addToData("password", "cGFzc3dvcmQ=")
                                .build())
                        .create();
                admin.resource(new ConfigMapBuilder()
                                .withNewMetadata()
                                .withName("managed")
                                .withNamespace(namespace)
                                .withLabels(Map.of(
                                        StandardLabels.MANAGED_BY, OPERATOR,
                                        StandardLabels.NAME, APP,
                                        StandardLabels.INSTANCE, "probe"))
                                .endMetadata()
                                .build())
                        .create();
            }
            OperatorSettings settings = new OperatorSettings(
                    Optional.of(plane.kubeconfig()),
                    0,
                    first.name() + "," + second,
                    false,
                    Optional.empty(),
                    Optional.empty());
            try (var running = OperatorLauncher.launch(
                    OPERATOR, settings, client -> List.of(new Registration<>(Pulp.class, new CacheProbe())))) {
                for (String namespace : List.of(first.name(), second)) {
                    Pulp pulp = new Pulp();
                    pulp.getMetadata().setName("probe");
                    pulp.getMetadata().setNamespace(namespace);
                    admin.resource(pulp).create();
                }
                await().atMost(Duration.ofSeconds(60))
                        .untilAsserted(() -> assertThat(seen).containsOnlyKeys(first.name(), second));
                assertThat(seen)
                        .as("the caches of both namespaces hold their objects")
                        .containsEntry(first.name(), true)
                        .containsEntry(second, true);
            }
        } finally {
            admin.namespaces().withName(second).delete();
        }
    }
}
