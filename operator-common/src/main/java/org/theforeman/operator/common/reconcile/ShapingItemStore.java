package org.theforeman.operator.common.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.stream.Stream;

/**
 * An informer cache that keeps each object in the shape {@link #shape} gives it as it arrives (pruned of
 * what the operator never reads); everything else is a plain map by namespace/name, as fabric8's own.
 */
abstract class ShapingItemStore<R extends HasMetadata> implements ItemStore<R> {
    private final BasicItemStore<R> items = new BasicItemStore<>(Cache::metaNamespaceKeyFunc);

    /** The object as it is to be kept: changed in place, or another object. */
    abstract R shape(R object);

    @Override
    public final String getKey(R object) {
        return items.getKey(object);
    }

    @Override
    public final R put(String key, R object) {
        return items.put(key, shape(object));
    }

    @Override
    public final R remove(String key) {
        return items.remove(key);
    }

    @Override
    public final Stream<String> keySet() {
        return items.keySet();
    }

    @Override
    public final Stream<R> values() {
        return items.values();
    }

    @Override
    public final int size() {
        return items.size();
    }

    @Override
    public final R get(String key) {
        return items.get(key);
    }
}
