package org.theforeman.operator.common.reconcile;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import org.theforeman.operator.api.v1alpha1.SuiteStatus;

/**
 * Writes a primary's status as a server-side apply of the status alone: no spec, no resourceVersion. The
 * operator is the only manager of the status, so a write based on an older copy of the primary cannot
 * lose anyone's change, and without the version precondition it cannot meet a 409 conflict (JOSDK's
 * {@code UpdateControl.patchStatus} sends the whole primary with its resourceVersion). The answer goes
 * into the primary cache, so the next reconcile compares with what was written, not with a stale copy.
 */
public final class StatusApply {
    private StatusApply() {}

    /** Applies {@code next} when it differs from the primary's status; nothing otherwise. */
    public static <P extends CustomResource<?, S>, S extends SuiteStatus> UpdateControl<P> applyIfChanged(
            P primary, S next, Context<P> context) {
        if (!StatusUpdates.changed(primary, next)) {
            return UpdateControl.noUpdate();
        }
        P patch = statusOnly(primary, next);
        P written = context.getClient()
                .resource(patch)
                .subresource("status")
                .patch(new PatchContext.Builder()
                        .withPatchType(PatchType.SERVER_SIDE_APPLY)
                        .withFieldManager(context.getControllerConfiguration().fieldManager())
                        .withForce(true)
                        .build());
        context.eventSourceRetriever()
                .getControllerEventSource()
                .handleRecentResourceUpdate(ResourceID.fromResource(primary), written, primary);
        // What follows in this reconcile (retry timing) reads the status as written.
        primary.setStatus(next);
        return UpdateControl.noUpdate();
    }

    /** The apply body: kind, name, namespace and status. */
    @SuppressWarnings("unchecked")
    static <P extends CustomResource<?, S>, S extends SuiteStatus> P statusOnly(P primary, S status) {
        try {
            P patch = (P) primary.getClass().getDeclaredConstructor().newInstance();
            patch.setMetadata(new ObjectMetaBuilder()
                    .withName(primary.getMetadata().getName())
                    .withNamespace(primary.getMetadata().getNamespace())
                    .build());
            patch.setSpec(null);
            patch.setStatus(status);
            return patch;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(primary.getClass() + " has no public no-argument constructor", e);
        }
    }
}
