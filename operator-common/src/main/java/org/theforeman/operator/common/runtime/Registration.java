package org.theforeman.operator.common.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import java.util.List;

/**
 * A reconciler and the primary kind it owns, as an operator hands them to {@link OperatorLauncher}.
 *
 * @param alsoWatched other custom kinds its informers watch (a parent's children): the operator waits for
 *     their CRDs as for its own
 */
public record Registration<P extends HasMetadata>(
        Class<P> kind, Reconciler<P> reconciler, List<Class<? extends HasMetadata>> alsoWatched) {
    public Registration(Class<P> kind, Reconciler<P> reconciler) {
        this(kind, reconciler, List.of());
    }
}
