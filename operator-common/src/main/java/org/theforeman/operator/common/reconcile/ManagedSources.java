package org.theforeman.operator.common.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Constants;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.theforeman.operator.common.resources.StandardLabels;
import org.theforeman.operator.common.runtime.Preflight;
import org.theforeman.operator.common.runtime.WatchedNamespaces;

/**
 * Informers an operator reconciles from, and reads of their caches, each informer found by its name (two
 * informers of one type can coexist). Managed objects are selected by their labels
 * (app.kubernetes.io/managed-by and name) and map to their primary by the instance label, which also
 * works for retained objects that carry no owner reference. Objects a primary refers to by name (a
 * user's Secret with database credentials) come from a second informer whose cache keeps only what some
 * primary refers to ({@link ReferencedObjectStore}): a change to one of those reconciles every primary
 * that refers to it, and the unrelated Secrets of a namespace cost almost no memory.
 */
public final class ManagedSources {
    private static final String REFERENCED = "referenced-";

    private ManagedSources() {}

    /** The informer of the objects of {@code type} that this operator manages, named after the type. */
    public static <R extends HasMetadata, P extends HasMetadata> InformerEventSource<R, P> managed(
            Class<R> type, EventSourceContext<P> context, String application, String managedBy) {
        var builder = InformerEventSourceConfiguration.from(type, context.getPrimaryResourceClass())
                .withName(managedName(type))
                .withLabelSelector(selector(application, managedBy))
                .withSecondaryToPrimaryMapper((R resource) -> byInstanceLabel(resource, application, managedBy));
        if (oneInformer(context.getControllerConfiguration().getEffectiveNamespaces())) {
            // The operator's field manager is its name, as is managed-by: its own entry stays.
            builder.withItemStore(new PrunedItemStore<>(managedBy));
        }
        return new InformerEventSource<>(builder.build(), context);
    }

    /**
     * The informer of the objects of {@code type} that primaries refer to by name in their spec.
     *
     * @param references the names of objects of this type a primary refers to
     */
    public static <R extends HasMetadata, P extends HasMetadata> InformerEventSource<R, P> referenced(
            Class<R> type, EventSourceContext<P> context, Function<P, Set<String>> references) {
        var store = new ReferencedObjectStore<R>((namespace, name) -> !context.getPrimaryCache()
                .list(namespace, primary -> references.apply(primary).contains(name))
                .findAny()
                .isEmpty());
        var builder = InformerEventSourceConfiguration.from(type, context.getPrimaryResourceClass())
                .withName(referencedName(type))
                .withSecondaryToPrimaryMapper((R resource) -> {
                    String namespace = resource.getMetadata().getNamespace();
                    String name = resource.getMetadata().getName();
                    return context.getPrimaryCache()
                            .list(
                                    namespace,
                                    primary -> references.apply(primary).contains(name))
                            .map(ResourceID::fromResource)
                            .collect(Collectors.toSet());
                });
        if (oneInformer(context.getControllerConfiguration().getEffectiveNamespaces())) {
            // Several namespaces share one item store in JOSDK: each keeps its own default store instead.
            builder.withItemStore(store);
        }
        return new InformerEventSource<>(builder.build(), context);
    }

    /**
     * Whether an event source has one informer (all namespaces, or one). JOSDK hands the item store an
     * event source is configured with to the informer of every watched namespace, and each (re)list
     * keeps only its own namespace's keys in it: a shared store loses the other namespaces' objects
     * (SharedStoreNamespacesIT). Custom stores are used with one informer only.
     */
    public static boolean oneInformer(Set<String> namespaces) {
        return namespaces.size() == 1;
    }

    /**
     * Whether an informer of {@code kind} can run where the primaries are watched: its CRD is served and the
     * operator may list it. For kinds of another operator of the suite that may not be installed here (the
     * Foreman a SmartProxy registers with): watched when possible, otherwise the reconciler looks again later.
     */
    public static boolean watchable(EventSourceContext<?> context, Class<? extends HasMetadata> kind) {
        Set<String> namespaces =
                context.getControllerConfiguration().getInformerConfig().getNamespaces();
        WatchedNamespaces watched = namespaces.contains(Constants.WATCH_ALL_NAMESPACES)
                ? new WatchedNamespaces(true, Set.of())
                : new WatchedNamespaces(false, namespaces);
        return Preflight.crdProblem(context.getClient(), List.of(kind), watched).isEmpty();
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

    /** The cached managed object of {@code type} at namespace/name, or null. */
    public static <R extends HasMetadata, P extends HasMetadata> R cached(
            Context<P> context, Class<R> type, String namespace, String name) {
        return managedSource(context, type).get(new ResourceID(name, namespace)).orElse(null);
    }

    /**
     * The cached object of {@code type} at namespace/name that a primary refers to; empty when the cache
     * does not hold it (yet): the caller then reads it from the API server.
     */
    @SuppressWarnings("unchecked")
    public static <R extends HasMetadata, P extends HasMetadata> Optional<R> cachedReference(
            Context<P> context, Class<R> type, String namespace, String name) {
        var source = (InformerEventSource<R, P>)
                context.eventSourceRetriever().getEventSourceFor(type, referencedName(type));
        return source.get(new ResourceID(name, namespace)).filter(r -> !ReferencedObjectStore.isPlaceholder(r));
    }

    /** Tells the informer of managed {@code type} what a write answered (JOSDK's recent-operation cache). */
    static <R extends HasMetadata, P extends HasMetadata> void written(
            Context<P> context, Class<R> type, R answer, R previous) {
        InformerEventSource<R, P> source = managedSource(context, type);
        if (previous == null) {
            source.handleRecentResourceCreate(ResourceID.fromResource(answer), answer);
        } else {
            source.handleRecentResourceUpdate(ResourceID.fromResource(answer), answer, previous);
        }
    }

    /** Cached managed objects of {@code type} that belong to the primary (instance label) and to {@code component}. */
    public static <R extends HasMetadata, P extends HasMetadata> List<R> cachedOfComponent(
            Context<P> context, P primary, Class<R> type, String component) {
        return managedSource(context, type)
                .list(primary.getMetadata().getNamespace(), r -> {
                    Map<String, String> labels = r.getMetadata().getLabels();
                    return labels != null
                            && primary.getMetadata().getName().equals(labels.get(StandardLabels.INSTANCE))
                            && component.equals(labels.get(StandardLabels.COMPONENT));
                })
                .collect(Collectors.toList());
    }

    /** Names of objects referenced by a set of optional names (nulls and blanks dropped). */
    public static Set<String> names(String... names) {
        Set<String> result = new HashSet<>();
        for (String name : names) {
            if (name != null && !name.isBlank()) {
                result.add(name);
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static <R extends HasMetadata, P extends HasMetadata> InformerEventSource<R, P> managedSource(
            Context<P> context, Class<R> type) {
        return (InformerEventSource<R, P>) context.eventSourceRetriever().getEventSourceFor(type, managedName(type));
    }

    static String managedName(Class<?> type) {
        return type.getSimpleName();
    }

    static String referencedName(Class<?> type) {
        return REFERENCED + type.getSimpleName();
    }

    static String selector(String application, String managedBy) {
        return StandardLabels.MANAGED_BY + "=" + managedBy + "," + StandardLabels.NAME + "=" + application;
    }
}
