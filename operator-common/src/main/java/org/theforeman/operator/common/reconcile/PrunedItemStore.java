package org.theforeman.operator.common.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An informer cache that keeps of each object only what the operator reads: the {@code managedFields}
 * entries of other managers (the controllers' status updates, a user's kubectl) and kubectl's
 * last-applied annotation are dropped as objects arrive. The operator's own server-side apply entry is
 * kept: the drift test reads it to notice fields removed from the desired state ({@code OwnedFields}).
 * With no manager given, every entry goes (primaries: their status is applied without them).
 */
public final class PrunedItemStore<R extends HasMetadata> implements ItemStore<R> {
    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private final BasicItemStore<R> items = new BasicItemStore<>(Cache::metaNamespaceKeyFunc);
    private final String manager;

    /** @param manager the field manager whose Apply entry is kept, or null to keep none */
    public PrunedItemStore(String manager) {
        this.manager = manager;
    }

    /** Removes, in place, what the operator never reads. */
    public static void prune(HasMetadata object, String manager) {
        ObjectMeta meta = object.getMetadata();
        List<ManagedFieldsEntry> entries = meta.getManagedFields();
        if (entries != null && !entries.isEmpty()) {
            List<ManagedFieldsEntry> own = manager == null
                    ? List.of()
                    : entries.stream()
                            .filter(e -> manager.equals(e.getManager()) && "Apply".equals(e.getOperation()))
                            .toList();
            meta.setManagedFields(own.isEmpty() ? null : own);
        }
        Map<String, String> annotations = meta.getAnnotations();
        if (annotations != null && annotations.containsKey(LAST_APPLIED)) {
            Map<String, String> kept = new LinkedHashMap<>(annotations);
            kept.remove(LAST_APPLIED);
            meta.setAnnotations(kept);
        }
    }

    @Override
    public String getKey(R object) {
        return items.getKey(object);
    }

    @Override
    public R put(String key, R object) {
        prune(object, manager);
        return items.put(key, object);
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
}
