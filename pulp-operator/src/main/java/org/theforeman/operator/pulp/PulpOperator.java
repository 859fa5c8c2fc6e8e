package org.theforeman.operator.pulp;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.runtime.OperatorLauncher;
import org.theforeman.operator.common.runtime.Registration;

/** Entry point of the pulp-operator process: reconciles {@code Pulp} resources. */
public final class PulpOperator {
    public static final String NAME = "pulp-operator";

    private PulpOperator() {}

    public static List<Registration<?>> registrations(KubernetesClient client) {
        return List.of(new Registration<>(Pulp.class, new PulpReconciler(client, Clock.systemUTC())));
    }

    public static void main(String[] args) {
        OperatorLauncher.main(NAME, args, PulpOperator::registrations, PulpSources.MANAGED_TYPES, new PulpTraining());
    }
}
