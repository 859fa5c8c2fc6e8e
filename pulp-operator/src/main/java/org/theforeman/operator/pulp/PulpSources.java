package org.theforeman.operator.pulp;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.api.v1alpha1.PulpSpec;
import org.theforeman.operator.common.reconcile.ManagedSources;

/**
 * What the Pulp operator watches: the objects it manages (by label), and the Secrets and ConfigMaps a
 * Pulp refers to by name, so that a change to any of them reconciles the Pulps concerned.
 */
final class PulpSources {
    static final List<Class<? extends HasMetadata>> MANAGED_TYPES = List.of(
            Secret.class,
            ConfigMap.class,
            Service.class,
            Deployment.class,
            StatefulSet.class,
            Job.class,
            PersistentVolumeClaim.class,
            Ingress.class,
            HorizontalPodAutoscaler.class,
            PodDisruptionBudget.class);

    private PulpSources() {}

    static List<EventSource<?, Pulp>> all(EventSourceContext<Pulp> context) {
        List<EventSource<?, Pulp>> sources = new ArrayList<>();
        for (Class<? extends HasMetadata> type : MANAGED_TYPES) {
            sources.add(ManagedSources.managed(type, context, PulpNames.APPLICATION, PulpOperator.NAME));
        }
        sources.add(ManagedSources.referenced(Secret.class, context, PulpSources::referencedSecrets));
        sources.add(ManagedSources.referenced(
                ConfigMap.class,
                context,
                pulp -> ManagedSources.names(pulp.getSpec().getCustomPulpSettings())));
        return sources;
    }

    static Set<String> referencedSecrets(Pulp pulp) {
        PulpSpec spec = pulp.getSpec();
        return ManagedSources.names(
                spec.getDatabase() == null ? null : spec.getDatabase().getExternalDbSecret(),
                spec.getCache() == null ? null : spec.getCache().getExternalCacheSecret(),
                spec.getObjectStorageS3Secret(),
                spec.getObjectStorageAzureSecret(),
                spec.getAdminPasswordSecret(),
                spec.getPulpSecretKey(),
                spec.getDbFieldsEncryptionSecret());
    }
}
