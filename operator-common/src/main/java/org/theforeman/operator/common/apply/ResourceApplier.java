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
    client.resource(desired).fieldManager(fieldManager).forceConflicts().serverSideApply();
    Outcome outcome = actual == null ? Outcome.CREATED : Outcome.UPDATED;
    log.info("{} {} {}/{}", outcome == Outcome.CREATED ? "created" : "updated", desired.getKind(),
        desired.getMetadata().getNamespace(), desired.getMetadata().getName());
    return outcome;
  }

  public KubernetesClient client() {
    return client;
  }
}
