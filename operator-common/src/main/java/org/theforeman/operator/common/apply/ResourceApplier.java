package org.theforeman.operator.common.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a managed object what the operator wants, and writes only when it is not: a server-side apply
 * under the operator's field manager when the object is missing or drifted ({@link DesiredState}),
 * nothing otherwise. Conflicting changes to fields the operator owns are overridden: the resource's
 * spec is the source of truth.
 */
public final class ResourceApplier {
    private static final Logger log = LoggerFactory.getLogger(ResourceApplier.class);

    /** What an apply did, for events and for the reconciler's own bookkeeping. */
    public enum Outcome {
        UNCHANGED,
        CREATED,
        UPDATED
    }

    private final KubernetesClient client;
    private final String fieldManager;

    public ResourceApplier(KubernetesClient client, String fieldManager) {
        this.client = client;
        this.fieldManager = fieldManager;
    }

    /**
     * @param desired the object as the operator wants it
     * @param actual the object as last seen (an informer's cache), or null when it does not exist
     */
    public <R extends HasMetadata> Outcome apply(R desired, R actual) {
        return apply(desired, actual, answer -> {});
    }

    /**
     * As {@link #apply(HasMetadata, HasMetadata)}; {@code answered} receives the object the server answered
     * an apply with (not called when nothing was written, or when the content had to be replaced).
     */
    public <R extends HasMetadata> Outcome apply(R desired, R actual, Consumer<R> answered) {
        if (actual != null && DesiredState.isSatisfiedBy(desired, actual, fieldManager)) {
            return Outcome.UNCHANGED;
        }
        desired.getMetadata().setResourceVersion(null);
        desired.getMetadata().setManagedFields(null);
        // An apply cannot remove list entries another manager added (an edited Service port is a new
        // entry, keyed by port): the merge is then invalid or still drifted, and the object's content is
        // replaced instead, keeping what the server assigned (cluster IP, node ports).
        R applied;
        try {
            applied = client.resource(desired)
                    .fieldManager(fieldManager)
                    .forceConflicts()
                    .serverSideApply();
        } catch (KubernetesClientException e) {
            if (actual == null || e.getCode() != 422) {
                throw e;
            }
            replace(desired, actual);
            return Outcome.UPDATED;
        }
        if (actual != null && !DesiredState.isSatisfiedBy(desired, applied, fieldManager)) {
            replace(desired, applied);
        } else {
            answered.accept(applied);
        }
        Outcome outcome = actual == null ? Outcome.CREATED : Outcome.UPDATED;
        log.info(
                "{} {} {}/{}",
                outcome == Outcome.CREATED ? "created" : "updated",
                desired.getKind(),
                desired.getMetadata().getNamespace(),
                desired.getMetadata().getName());
        return outcome;
    }

    /**
     * A JSON merge patch of the desired content: unlike an apply it replaces whole lists, and unlike an
     * update it keeps fields the server assigned and needs no more than the patch verb.
     */
    private <R extends HasMetadata> void replace(R desired, R current) {
        var mapper = Serialization.jsonMapper();
        ObjectNode patch = mapper.valueToTree(desired);
        patch.remove(List.of("apiVersion", "kind", "metadata", "status"));
        client.resource(current).patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
        log.info(
                "replaced {} {}/{} to undo changes made by another manager",
                desired.getKind(),
                desired.getMetadata().getNamespace(),
                desired.getMetadata().getName());
    }

    public KubernetesClient client() {
        return client;
    }

    /** The field manager of this operator's applies, whose managedFields entry the drift test reads. */
    public String fieldManager() {
        return fieldManager;
    }
}
