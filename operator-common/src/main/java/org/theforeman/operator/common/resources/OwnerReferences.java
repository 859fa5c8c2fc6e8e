package org.theforeman.operator.common.resources;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.List;
import java.util.Objects;

/** Owner references that tie managed objects to their primary resource. */
public final class OwnerReferences {
    private OwnerReferences() {}

    /**
     * The controller reference: the garbage collector deletes the child with its owner, and
     * {@code blockOwnerDeletion} makes foreground deletion wait for it. Retained data (PVCs, generated
     * credentials) must not carry one unless the user asked for deletion.
     */
    public static OwnerReference controller(HasMetadata owner) {
        Objects.requireNonNull(owner.getMetadata().getUid(), "owner has no uid: it must be read from the API server");
        return new OwnerReferenceBuilder()
                .withApiVersion(owner.getApiVersion())
                .withKind(owner.getKind())
                .withName(owner.getMetadata().getName())
                .withUid(owner.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }

    /** True when {@code child} names {@code owner} (by uid) as its controller. */
    public static boolean isControlledBy(HasMetadata child, HasMetadata owner) {
        List<OwnerReference> references = child.getMetadata().getOwnerReferences();
        return references != null
                && references.stream()
                        .anyMatch(r -> Boolean.TRUE.equals(r.getController())
                                && Objects.equals(
                                        r.getUid(), owner.getMetadata().getUid()));
    }
}
