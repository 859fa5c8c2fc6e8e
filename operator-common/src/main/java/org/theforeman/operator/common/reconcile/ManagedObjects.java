package org.theforeman.operator.common.reconcile;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.List;
import org.theforeman.operator.common.apply.ResourceApplier;

/**
 * The objects one primary manages, for the length of one reconcile: what its component classes use to
 * read the informer caches and to make the cluster match their desired objects. Each write happens only
 * when the object differs ({@link ResourceApplier}); reads come from the caches.
 *
 * @param <P> the primary kind
 */
public final class ManagedObjects<P extends HasMetadata> {
    private final P primary;
    private final Context<P> context;
    private final ResourceApplier applier;
    private final EventRecorder events;

    public ManagedObjects(P primary, Context<P> context, ResourceApplier applier, EventRecorder events) {
        this.primary = primary;
        this.context = context;
        this.applier = applier;
        this.events = events;
    }

    public P primary() {
        return primary;
    }

    public String namespace() {
        return primary.getMetadata().getNamespace();
    }

    /**
     * Makes the object what {@code desired} says (created, updated or left alone).
     *
     * @return the object as it now is: the cached one when nothing was written, else {@code desired}
     */
    @SuppressWarnings("unchecked")
    public <R extends HasMetadata> R apply(R desired) {
        Class<R> type = (Class<R>) desired.getClass();
        R actual = cached(type, desired.getMetadata().getName());
        // The answer goes into the informer's cache: the next reconcile reads what was written, and the
        // watch event of this very write does not trigger another reconcile.
        ResourceApplier.Outcome outcome =
                applier.apply(desired, actual, answer -> ManagedSources.written(context, type, answer, actual));
        return outcome == ResourceApplier.Outcome.UNCHANGED ? actual : desired;
    }

    /**
     * Tells the informer of {@code answer}'s type what a write made outside {@link #apply} answered.
     *
     * @param previous the cached object the write replaced, or null when the cache held none
     */
    @SuppressWarnings("unchecked")
    public <R extends HasMetadata> void written(R answer, R previous) {
        ManagedSources.written(context, (Class<R>) answer.getClass(), answer, previous);
    }

    /**
     * One entry point for an optional object: applies {@code desiredOrNull}, or deletes the object when
     * it is null (a component turned off).
     *
     * @return the object as it now is, or null when it is absent
     */
    public <R extends HasMetadata> R reconcile(Class<R> type, String name, R desiredOrNull) {
        if (desiredOrNull == null) {
            deleteIfPresent(type, name);
            return null;
        }
        return apply(desiredOrNull);
    }

    /** Deletes the managed object if the cache holds it; its dependents go in the background. */
    public <R extends HasMetadata> void deleteIfPresent(Class<R> type, String name) {
        delete(cached(type, name));
    }

    /** Deletes {@code object} (a cached managed object) unless it is null. */
    public void delete(HasMetadata object) {
        if (object != null) {
            applier.client()
                    .resource(object)
                    .withPropagationPolicy(DeletionPropagation.BACKGROUND)
                    .delete();
        }
    }

    /** The managed object of {@code type} named {@code name} in the primary's namespace, from the cache; or null. */
    public <R extends HasMetadata> R cached(Class<R> type, String name) {
        return ManagedSources.cached(context, type, namespace(), name);
    }

    /** Managed objects of {@code type} of the primary's {@code component} (by labels), from the cache. */
    public <R extends HasMetadata> List<R> cachedOfComponent(Class<R> type, String component) {
        return ManagedSources.cachedOfComponent(context, primary, type, component);
    }

    /**
     * An object the primary refers to by name (a user's Secret), from the cache when it holds it, else
     * from the API server; null when it does not exist.
     */
    public <R extends HasMetadata> R referenced(Class<R> type, String name) {
        return ManagedSources.cachedReference(context, type, namespace(), name)
                .orElseGet(() -> client().resources(type)
                        .inNamespace(namespace())
                        .withName(name)
                        .get());
    }

    public KubernetesClient client() {
        return applier.client();
    }

    public ResourceApplier applier() {
        return applier;
    }

    public EventRecorder events() {
        return events;
    }

    public Context<P> context() {
        return context;
    }
}
