package org.theforeman.operator.common.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.theforeman.operator.common.resources.StandardLabels;

/**
 * Informers an operator reconciles from, and reads of their caches. Managed objects are found by their
 * labels (app.kubernetes.io/managed-by and name), and map to their primary by the instance label, which
 * also works for retained objects that carry no owner reference. Secrets and ConfigMaps are watched
 * unfiltered, because a primary may also refer to the user's own by name: a change to one of those
 * reconciles every primary that refers to it.
 */
public final class ManagedSources {
    private ManagedSources() {}

    public static <R extends HasMetadata, P extends HasMetadata> InformerEventSource<R, P> managed(
            Class<R> type, EventSourceContext<P> context, String application, String managedBy) {
        var configuration = InformerEventSourceConfiguration.from(type, context.getPrimaryResourceClass())
                .withLabelSelector(
                        StandardLabels.MANAGED_BY + "=" + managedBy + "," + StandardLabels.NAME + "=" + application)
                .withSecondaryToPrimaryMapper((R resource) -> byInstanceLabel(resource, application, managedBy))
                .build();
        return new InformerEventSource<>(configuration, context);
    }

    /**
     * @param references the names of objects of this type a primary refers to in its spec
     */
    public static <R extends HasMetadata, P extends HasMetadata> InformerEventSource<R, P> managedOrReferenced(
            Class<R> type,
            EventSourceContext<P> context,
            String application,
            String managedBy,
            Function<P, Set<String>> references) {
        var configuration = InformerEventSourceConfiguration.from(type, context.getPrimaryResourceClass())
                .withSecondaryToPrimaryMapper((R resource) -> {
                    Set<ResourceID> primaries = new HashSet<>(byInstanceLabel(resource, application, managedBy));
                    String namespace = resource.getMetadata().getNamespace();
                    String name = resource.getMetadata().getName();
                    context.getPrimaryCache()
                            .list(
                                    namespace,
                                    primary -> references.apply(primary).contains(name))
                            .forEach(primary -> primaries.add(ResourceID.fromResource(primary)));
                    return primaries;
                })
                .build();
        return new InformerEventSource<>(configuration, context);
    }

    static Set<ResourceID> byInstanceLabel(HasMetadata resource, String application, String managedBy) {
        Map<String, String> labels = resource.getMetadata().getLabels();
        if (labels == null
                || !managedBy.equals(labels.get(StandardLabels.MANAGED_BY))
                || !application.equals(labels.get(StandardLabels.NAME))
                || labels.get(StandardLabels.INSTANCE) == null) {
            return Set.of();
        }
        return Set.of(new ResourceID(
                labels.get(StandardLabels.INSTANCE), resource.getMetadata().getNamespace()));
    }

    /** The cached object of {@code type} named {@code name} in the primary's namespace, or null. */
    public static <R extends HasMetadata, P extends HasMetadata> R cached(
            Context<P> context, P primary, Class<R> type, String name) {
        return cached(context, type, primary.getMetadata().getNamespace(), name);
    }

    /** The cached object of {@code type} at namespace/name, or null. */
    @SuppressWarnings("unchecked")
    public static <R extends HasMetadata, P extends HasMetadata> R cached(
            Context<P> context, Class<R> type, String namespace, String name) {
        var source = (InformerEventSource<R, P>) context.eventSourceRetriever().getEventSourceFor(type);
        return source.get(new ResourceID(name, namespace)).orElse(null);
    }

    /** Cached objects of {@code type} that belong to the primary (instance label) and to {@code component}. */
    @SuppressWarnings("unchecked")
    public static <R extends HasMetadata, P extends HasMetadata> List<R> cachedOfComponent(
            Context<P> context, P primary, Class<R> type, String component) {
        var source = (InformerEventSource<R, P>) context.eventSourceRetriever().getEventSourceFor(type);
        return source.list(primary.getMetadata().getNamespace(), r -> {
                    Map<String, String> labels = r.getMetadata().getLabels();
                    return labels != null
                            && primary.getMetadata().getName().equals(labels.get(StandardLabels.INSTANCE))
                            && component.equals(labels.get(StandardLabels.COMPONENT));
                })
                .collect(Collectors.toList());
    }
}
