package org.theforeman.operator.common.resources;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Metadata of a managed object: its name in the owner's namespace, the standard labels plus the
 * owner's own labels and annotations (so that a team's cost-center label reaches every child), and a
 * controller owner reference unless the object is retained data.
 */
public final class ManagedMetadata {
    private ManagedMetadata() {}

    /** Whether the garbage collector may delete the object with its owner. */
    public enum Lifecycle {
        /** Owned: deleted with the owner. */
        OWNED,
        /** Data kept when the owner is deleted (PVCs, generated credentials): no owner reference. */
        RETAINED
    }

    public static ObjectMeta of(
            HasMetadata owner,
            String name,
            String application,
            String component,
            String managedBy,
            Lifecycle lifecycle) {
        ObjectMetaBuilder meta = new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(owner.getMetadata().getNamespace())
                .withLabels(StandardLabels.withUserLabels(
                        owner.getMetadata().getLabels(), StandardLabels.of(owner, application, component, managedBy)));
        Map<String, String> annotations =
                propagatedAnnotations(owner.getMetadata().getAnnotations());
        if (!annotations.isEmpty()) {
            meta.withAnnotations(annotations);
        }
        if (lifecycle == Lifecycle.OWNED) {
            meta.withOwnerReferences(OwnerReferences.controller(owner));
        }
        return meta.build();
    }

    /**
     * Adds the user's extra annotations for one object (e.g. a component's deployment_annotations) to
     * {@code metadata}; the operator's own annotations win on a clash.
     */
    public static void addUserAnnotations(ObjectMeta metadata, Map<String, String> extra) {
        if (extra == null || extra.isEmpty()) {
            return;
        }
        Map<String, String> annotations = new LinkedHashMap<>(extra);
        if (metadata.getAnnotations() != null) {
            annotations.putAll(metadata.getAnnotations());
        }
        metadata.setAnnotations(annotations);
    }

    /** The owner's annotations minus tool bookkeeping (kubectl's last-applied configuration and the like). */
    static Map<String, String> propagatedAnnotations(Map<String, String> annotations) {
        Map<String, String> result = new LinkedHashMap<>();
        if (annotations != null) {
            annotations.forEach((key, value) -> {
                if (!key.startsWith("kubectl.kubernetes.io/")
                        && !key.startsWith("app.theforeman.org/")
                        && !key.startsWith("deployment.kubernetes.io/")) {
                    result.put(key, value);
                }
            });
        }
        return result;
    }
}
