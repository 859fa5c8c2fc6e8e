package org.theforeman.operator.pulp;

import java.time.Clock;
import java.util.List;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.api.v1alpha1.PulpStatus;
import org.theforeman.operator.common.reconcile.AwaitingImplementationReconciler;
import org.theforeman.operator.common.runtime.OperatorLauncher;
import org.theforeman.operator.common.runtime.Registration;

/** Entry point of the pulp-operator process: reconciles {@code Pulp} resources. */
public final class PulpOperator {
  public static final String NAME = "pulp-operator";

  private PulpOperator() {}

  public static List<Registration<?>> registrations() {
    return List.of(
        new Registration<>(
            Pulp.class,
            new AwaitingImplementationReconciler<Pulp, PulpStatus>(
                PulpStatus::new,
                "pulp-operator does not deploy Pulp yet; this build only validates and acknowledges the resource",
                Clock.systemUTC()) {
              // An anonymous subclass keeps the type arguments JOSDK reads to find the primary kind.
            }));
  }

  public static void main(String[] args) {
    OperatorLauncher.main(NAME, args, client -> registrations());
  }
}
