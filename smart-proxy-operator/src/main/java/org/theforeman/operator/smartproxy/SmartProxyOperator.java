package org.theforeman.operator.smartproxy;

import java.time.Clock;
import java.util.List;
import org.theforeman.operator.api.v1alpha1.SmartProxy;
import org.theforeman.operator.api.v1alpha1.SmartProxyStatus;
import org.theforeman.operator.common.reconcile.AwaitingImplementationReconciler;
import org.theforeman.operator.common.runtime.OperatorLauncher;
import org.theforeman.operator.common.runtime.Registration;

/** Entry point of the smart-proxy-operator process: reconciles {@code SmartProxy} resources. */
public final class SmartProxyOperator {
    public static final String NAME = "smart-proxy-operator";

    private SmartProxyOperator() {}

    public static List<Registration<?>> registrations() {
        return List.of(new Registration<>(
                SmartProxy.class,
                new AwaitingImplementationReconciler<SmartProxy, SmartProxyStatus>(
                        SmartProxyStatus::new,
                        "smart-proxy-operator does not deploy the Smart Proxy yet; this build only "
                                + "validates and acknowledges the resource",
                        Clock.systemUTC()) {
                    // An anonymous subclass keeps the type arguments JOSDK reads to find the primary kind.
                }));
    }

    public static void main(String[] args) {
        OperatorLauncher.main(NAME, args, client -> registrations());
    }
}
