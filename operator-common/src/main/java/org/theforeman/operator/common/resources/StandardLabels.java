package org.theforeman.operator.common.resources;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code app.kubernetes.io/*} labels every managed object carries. {@code name}, {@code instance}
 * and {@code component} together select the pods of one component, so they also serve as selectors;
 * {@code part-of} and {@code managed-by} only describe.
 */
public final class StandardLabels {
    public static final String NAME = "app.kubernetes.io/name";
    public static final String INSTANCE = "app.kubernetes.io/instance";
    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String PART_OF = "app.kubernetes.io/part-of";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String SUITE = "foreman-suite";

    private StandardLabels() {}

    /**
     * Labels of a component of {@code owner}.
     *
     * @param application the application the object belongs to, e.g. {@code pulp}
     * @param component the part of it, e.g. {@code api}
     * @param managedBy the operator that manages it, e.g. {@code pulp-operator}
     */
    public static Map<String, String> of(HasMetadata owner, String application, String component, String managedBy) {
        Map<String, String> labels = new LinkedHashMap<>(selector(owner, application, component));
        labels.put(PART_OF, SUITE);
        labels.put(MANAGED_BY, Objects.requireNonNull(managedBy, "managedBy"));
        return Collections.unmodifiableMap(labels);
    }

    /** The stable subset used in Deployment and Service selectors (they must never change). */
    public static Map<String, String> selector(HasMetadata owner, String application, String component) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME, Objects.requireNonNull(application, "application"));
        labels.put(INSTANCE, owner.getMetadata().getName());
        labels.put(COMPONENT, Objects.requireNonNull(component, "component"));
        return Collections.unmodifiableMap(labels);
    }

    /**
     * The user's labels from the primary resource, overlaid by the standard ones: the user can add labels
     * to children but cannot break selectors or ownership by reusing a standard key.
     */
    public static Map<String, String> withUserLabels(Map<String, String> userLabels, Map<String, String> standard) {
        Map<String, String> merged = new LinkedHashMap<>();
        if (userLabels != null) {
            userLabels.forEach((key, value) -> {
                if (!key.startsWith("app.kubernetes.io/")) {
                    merged.put(key, value);
                }
            });
        }
        merged.putAll(standard);
        return Collections.unmodifiableMap(merged);
    }
}
