package org.theforeman.operator.common.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
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
    if (actual != null && DesiredState.isSatisfiedBy(desired, actual)) {
      return Outcome.UNCHANGED;
    }
    desired.getMetadata().setResourceVersion(null);
    desired.getMetadata().setManagedFields(null);
    R applied = client.resource(desired).fieldManager(fieldManager).forceConflicts().serverSideApply();
    if (actual != null && !DesiredState.isSatisfiedBy(desired, applied)) {
      // An apply cannot remove list entries another manager added (an edited Service port is a new
      // entry, keyed by port): replace the object's content, keeping what the server assigned.
      replace(desired, applied);
    }
    Outcome outcome = actual == null ? Outcome.CREATED : Outcome.UPDATED;
    log.info("{} {} {}/{}", outcome == Outcome.CREATED ? "created" : "updated", desired.getKind(),
        desired.getMetadata().getNamespace(), desired.getMetadata().getName());
    return outcome;
  }

  private <R extends HasMetadata> void replace(R desired, R current) {
    var mapper = io.fabric8.kubernetes.client.utils.Serialization.jsonMapper();
    com.fasterxml.jackson.databind.node.ObjectNode merged = mapper.valueToTree(current);
    com.fasterxml.jackson.databind.node.ObjectNode wanted = mapper.valueToTree(desired);
    wanted.fields().forEachRemaining(field -> {
      if (!field.getKey().equals("metadata") && !field.getKey().equals("status")) {
        merged.set(field.getKey(), field.getValue());
      }
    });
    @SuppressWarnings("unchecked")
    R replacement = (R) mapper.convertValue(merged, desired.getClass());
    replacement.getMetadata().setManagedFields(null);
    client.resource(replacement).update();
    log.info("replaced {} {}/{} to undo changes made by another manager", desired.getKind(),
        desired.getMetadata().getNamespace(), desired.getMetadata().getName());
  }

  public KubernetesClient client() {
    return client;
  }
}
