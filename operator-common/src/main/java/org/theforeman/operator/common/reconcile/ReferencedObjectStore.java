package org.theforeman.operator.common.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

/**
 * An informer cache for objects that primaries refer to by name (a user's Secret with database
 * credentials): it keeps the whole object only while some primary refers to it, and for every other
 * object of the namespace a placeholder with the name and resource version alone. A namespace full of
 * unrelated Secrets (service-account tokens, Helm releases, TLS certificates) so costs a few hundred bytes
 * per Secret instead of its content, while the informer still sees every change, so an object a primary
 * starts to refer to is complete in the cache from its next change on (and read from the API server until
 * then, see {@link ManagedSources#cachedReference}).
 */
final class ReferencedObjectStore<R extends HasMetadata> implements ItemStore<R> {
    static final String PLACEHOLDER = "app.theforeman.org/unreferenced";

    private final BasicItemStore<R> items = new BasicItemStore<>(Cache::metaNamespaceKeyFunc);
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
    public String getKey(R object) {
        return items.getKey(object);
    }

    @Override
    public R put(String key, R object) {
        var meta = object.getMetadata();
        if (referenced.test(meta.getNamespace(), meta.getName())) {
            meta.setManagedFields(null);
            return items.put(key, object);
        }
        return items.put(key, placeholder(object));
    }

    @Override
    public R remove(String key) {
        return items.remove(key);
    }

    @Override
    public Stream<String> keySet() {
        return items.keySet();
    }

    @Override
    public Stream<R> values() {
        return items.values();
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public R get(String key) {
        return items.get(key);
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
