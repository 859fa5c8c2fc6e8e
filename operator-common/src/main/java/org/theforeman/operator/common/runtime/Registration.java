package org.theforeman.operator.common.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import java.util.List;

/**
 * A reconciler and the primary kind it owns, as an operator hands them to {@link OperatorLauncher}.
 *
 * @param alsoWatched other custom kinds its informers watch (a parent's children): the operator waits for
 *     their CRDs as for its own
 * @param controllerName JOSDK's controller name and the field manager of status writes; null: the
 *     operator's name (or name-plural when it registers several kinds)
 */
public record Registration<P extends HasMetadata>(
        Class<P> kind,
        Reconciler<P> reconciler,
        List<Class<? extends HasMetadata>> alsoWatched,
        String controllerName) {

    public Registration(Class<P> kind, Reconciler<P> reconciler) {
        this(kind, reconciler, List.of(), null);
    }

    public Registration(Class<P> kind, Reconciler<P> reconciler, List<Class<? extends HasMetadata>> alsoWatched) {
        this(kind, reconciler, alsoWatched, null);
    }

    /** The same reconciler under a fixed controller name: the all-in-one process keeps each operator's own. */
    public Registration<P> named(String name) {
        return new Registration<>(kind, reconciler, alsoWatched, name);
    }
}
