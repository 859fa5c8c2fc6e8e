package org.theforeman.operator.foreman;

import java.time.Clock;
import java.util.List;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.api.v1alpha1.ForemanStatus;
import org.theforeman.operator.common.reconcile.AwaitingImplementationReconciler;
import org.theforeman.operator.common.runtime.OperatorLauncher;
import org.theforeman.operator.common.runtime.Registration;

/** Entry point of the foreman-operator process: reconciles {@code Foreman} resources. */
public final class ForemanOperator {
    public static final String NAME = "foreman-operator";

    private ForemanOperator() {}

    public static List<Registration<?>> registrations() {
        return List.of(new Registration<>(
                Foreman.class,
                new AwaitingImplementationReconciler<Foreman, ForemanStatus>(
                        ForemanStatus::new,
                        "foreman-operator does not deploy Foreman yet; this build only validates and "
                                + "acknowledges the resource",
                        Clock.systemUTC()) {
                    // An anonymous subclass keeps the type arguments JOSDK reads to find the primary kind.
                }));
    }

    public static void main(String[] args) {
        OperatorLauncher.main(NAME, args, client -> registrations());
    }
}
