package org.theforeman.operator.foreman;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.api.v1alpha1.SmartProxy;
import org.theforeman.operator.common.runtime.OperatorLauncher;
import org.theforeman.operator.common.runtime.Registration;

/** Entry point of the foreman-operator process: reconciles {@code Foreman} resources. */
public final class ForemanOperator {
    public static final String NAME = "foreman-operator";

    /** The kinds it manages: what the class-data training run maps from JSON. */
    public static final List<Class<? extends HasMetadata>> MANAGED_KINDS = ForemanSources.MANAGED_TYPES;

    private ForemanOperator() {}

    public static List<Registration<?>> registrations(KubernetesClient client) {
        // The child kinds are watched too: the operator waits for their CRDs as for the Foreman's.
        return List.of(new Registration<>(
                Foreman.class,
                new ForemanReconciler(client, Clock.systemUTC()),
                List.of(Pulp.class, SmartProxy.class)));
    }

    public static void main(String[] args) {
        OperatorLauncher.main(NAME, args, ForemanOperator::registrations, MANAGED_KINDS, () -> {});
    }
}
