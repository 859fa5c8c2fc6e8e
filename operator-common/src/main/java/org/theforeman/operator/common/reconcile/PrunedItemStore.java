package org.theforeman.operator.common.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An informer cache that keeps of each object only what the operator reads: the {@code managedFields}
 * entries of other managers (the controllers' status updates, a user's kubectl) and kubectl's
 * last-applied annotation are dropped as objects arrive. The operator's own server-side apply entry is
 * kept: the drift test reads it to notice fields removed from the desired state ({@code OwnedFields}).
 * With no manager given, every entry goes (primaries: their status is applied without them).
 */
public final class PrunedItemStore<R extends HasMetadata> extends ShapingItemStore<R> {
    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

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
    R shape(R object) {
        prune(object, manager);
        return object;
    }
}
