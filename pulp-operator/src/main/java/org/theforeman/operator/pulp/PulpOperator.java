package org.theforeman.operator.pulp;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.util.List;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.runtime.OperatorLauncher;
import org.theforeman.operator.common.runtime.Registration;

/** Entry point of the pulp-operator process: reconciles {@code Pulp} resources. */
public final class PulpOperator {
    public static final String NAME = "pulp-operator";

    /** The kinds it manages, and its builders on a sample Pulp: what the class-data training run loads. */
    public static final List<Class<? extends HasMetadata>> MANAGED_KINDS = PulpSources.MANAGED_TYPES;

    public static final Runnable TRAINING = new PulpTraining();

    private PulpOperator() {}

    public static List<Registration<?>> registrations(KubernetesClient client) {
        return List.of(new Registration<>(Pulp.class, new PulpReconciler(client, Clock.systemUTC())));
    }

    public static void main(String[] args) {
        OperatorLauncher.main(NAME, args, PulpOperator::registrations, MANAGED_KINDS, TRAINING);
    }
}
