package org.theforeman.operator.foreman;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.api.v1alpha1.ForemanSpec;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.api.v1alpha1.SmartProxy;
import org.theforeman.operator.common.reconcile.ManagedSources;
import org.theforeman.operator.foreman.model.KatelloNames;

/**
 * What the Foreman operator watches: every kind of object it manages (by label: a deleted or edited one
 * reconciles its Foreman within a second), and the user's Secrets a Foreman names.
 */
final class ForemanSources {
    /** The workloads, and what configures and exposes them. */
    private static final List<Class<? extends HasMetadata>> WORKLOADS =
            List.of(Deployment.class, StatefulSet.class, Job.class, CronJob.class);

    private static final List<Class<? extends HasMetadata>> SURROUNDINGS =
            List.of(Secret.class, ConfigMap.class, Service.class, Ingress.class);

    /** The child resources of plugins: a change of their status reaches the Foreman within a second. */
    private static final List<Class<? extends HasMetadata>> CHILDREN = List.of(Pulp.class, SmartProxy.class);

    static final List<Class<? extends HasMetadata>> MANAGED_TYPES =
            Stream.of(WORKLOADS, SURROUNDINGS, CHILDREN).flatMap(List::stream).toList();

    private ForemanSources() {}

    static List<EventSource<?, Foreman>> all(EventSourceContext<Foreman> context) {
        List<EventSource<?, Foreman>> sources = new ArrayList<>();
        MANAGED_TYPES.stream()
                .map(type -> ManagedSources.managed(type, context, ForemanNames.APPLICATION, ForemanOperator.NAME))
                .forEach(sources::add);
        sources.add(ManagedSources.referenced(Secret.class, context, ForemanSources::userSecrets));
        // The user's pulpcore settings for the child Pulp, merged into the Katello settings it gets.
        sources.add(ManagedSources.referenced(
                ConfigMap.class,
                context,
                foreman -> ManagedSources.names(
                        foreman.getSpec().getPulp() == null
                                ? null
                                : foreman.getSpec().getPulp().getCustomPulpSettings())));
        return sources;
    }

    /** The Secrets of the user a Foreman reads: external database and Redis, adopted key, admin password. */
    static Set<String> userSecrets(Foreman foreman) {
        ForemanSpec spec = foreman.getSpec();
        return ManagedSources.names(
                spec.getEncryptionKeySecret(),
                // Candlepin's database with an external database (generated, and so managed, otherwise).
                spec.getDatabase() != null && spec.getDatabase().getExternalDbSecret() != null
                        ? KatelloNames.of(foreman).candlepinDatabaseSecret()
                        : null,
                spec.getAdmin() == null ? null : spec.getAdmin().getPasswordSecret(),
                spec.getDatabase() == null ? null : spec.getDatabase().getExternalDbSecret(),
                spec.getCache() == null ? null : spec.getCache().getExternalCacheSecret());
    }
}
