package org.theforeman.operator.common.reconcile;

import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.theforeman.operator.api.v1alpha1.SuiteStatus;
import org.theforeman.operator.common.status.ComponentState;

/**
 * The reconciler an operator registers for its kind until it manages real resources: it acknowledges
 * each generation with {@code Ready=False, reason NotImplemented}, so a user sees at once that nothing
 * is deployed instead of waiting on a status that never comes. It creates nothing. Instantiate it as
 * an anonymous subclass ({@code new AwaitingImplementationReconciler<Foo, FooStatus>(...) {}}): JOSDK
 * reads the primary kind from the type arguments.
 */
public abstract class AwaitingImplementationReconciler<P extends CustomResource<?, S>, S extends SuiteStatus>
        implements Reconciler<P> {
    public static final String REASON = "NotImplemented";

    private final Supplier<S> emptyStatus;
    private final String message;
    private final Clock clock;

    public AwaitingImplementationReconciler(Supplier<S> emptyStatus, String message, Clock clock) {
        this.emptyStatus = emptyStatus;
        this.message = message;
        this.clock = clock;
    }

    @Override
    public UpdateControl<P> reconcile(P primary, Context<P> context) {
        S next = StatusUpdates.desired(
                primary, emptyStatus, List.of(ComponentState.failed("Deployed", REASON, message)), clock.instant());
        return StatusApply.applyIfChanged(primary, next, context);
    }
}
