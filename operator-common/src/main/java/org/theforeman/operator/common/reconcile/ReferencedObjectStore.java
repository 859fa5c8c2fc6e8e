package org.theforeman.operator.common.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * An informer cache for objects that primaries refer to by name (a user's Secret with database
 * credentials): it keeps the whole object only while some primary refers to it, and for every other
 * object of the namespace a placeholder with the name and resource version alone. A namespace full of
 * unrelated Secrets (service-account tokens, Helm releases, TLS certificates) so costs a few hundred bytes
 * per Secret instead of its content, while the informer still sees every change, so an object a primary
 * starts to refer to is complete in the cache from its next change on (and read from the API server until
 * then, see {@link ManagedSources#cachedReference}).
 */
final class ReferencedObjectStore<R extends HasMetadata> extends ShapingItemStore<R> {
    static final String PLACEHOLDER = "app.theforeman.org/unreferenced";

    private final BiPredicate<String, String> referenced;

    /** @param referenced whether some primary refers to the object at (namespace, name) */
    ReferencedObjectStore(BiPredicate<String, String> referenced) {
        this.referenced = referenced;
    }

    static boolean isPlaceholder(HasMetadata object) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        return annotations != null && annotations.containsKey(PLACEHOLDER);
    }

    @Override
    R shape(R object) {
        var meta = object.getMetadata();
        if (referenced.test(meta.getNamespace(), meta.getName())) {
            meta.setManagedFields(null);
            return object;
        }
        return placeholder(object);
    }

    @SuppressWarnings("unchecked")
    private static <R extends HasMetadata> R placeholder(R object) {
        try {
            R placeholder = (R) object.getClass().getDeclaredConstructor().newInstance();
            placeholder.setMetadata(new ObjectMetaBuilder()
                    .withName(object.getMetadata().getName())
                    .withNamespace(object.getMetadata().getNamespace())
                    .withUid(object.getMetadata().getUid())
                    .withResourceVersion(object.getMetadata().getResourceVersion())
                    .withAnnotations(Map.of(PLACEHOLDER, "true"))
                    .build());
            return placeholder;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Kinds without a no-argument constructor are kept whole: correct, only less frugal.
            return object;
        }
    }
}
