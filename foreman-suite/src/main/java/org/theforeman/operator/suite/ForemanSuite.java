package org.theforeman.operator.suite;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.stream.Stream;
import org.theforeman.operator.common.runtime.OperatorLauncher;
import org.theforeman.operator.common.runtime.Registration;
import org.theforeman.operator.foreman.ForemanOperator;
import org.theforeman.operator.pulp.PulpOperator;
import org.theforeman.operator.smartproxy.SmartProxyOperator;

/**
 * The all-in-one process for small installs: the Foreman, Smart Proxy and Pulp operators in one JVM, with
 * one client, one side port and one leader lease ({@code foreman-suite-leader}). Each reconciler keeps its
 * operator's name as controller and field manager, so switching between this and the three processes
 * changes no object's owner.
 */
public final class ForemanSuite {
    public static final String NAME = "foreman-suite";

    private ForemanSuite() {}

    public static List<Registration<?>> registrations(KubernetesClient client) {
        return Stream.of(
                        named(PulpOperator.registrations(client), PulpOperator.NAME),
                        named(
                                SmartProxyOperator.registrations(
                                        client, SmartProxyOperator.Settings.from(System.getenv())),
                                SmartProxyOperator.NAME),
                        named(ForemanOperator.registrations(client), ForemanOperator.NAME))
                .flatMap(List::stream)
                .toList();
    }

    private static List<Registration<?>> named(List<Registration<?>> registrations, String name) {
        return registrations.stream().<Registration<?>>map(r -> r.named(name)).toList();
    }

    public static void main(String[] args) {
        List<Class<? extends HasMetadata>> kinds = Stream.of(
                        PulpOperator.MANAGED_KINDS, SmartProxyOperator.MANAGED_KINDS, ForemanOperator.MANAGED_KINDS)
                .flatMap(List::stream)
                .distinct()
                .toList();
        OperatorLauncher.main(NAME, args, ForemanSuite::registrations, kinds, PulpOperator.TRAINING);
    }
}
