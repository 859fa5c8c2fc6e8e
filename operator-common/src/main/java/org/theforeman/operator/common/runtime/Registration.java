package org.theforeman.operator.common.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;

/** A reconciler and the primary kind it owns, as an operator hands them to {@link OperatorLauncher}. */
public record Registration<P extends HasMetadata>(Class<P> kind, Reconciler<P> reconciler) {}
