package org.theforeman.operator.smartproxy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.SmartProxy;
import org.theforeman.operator.common.runtime.OperatorLauncher;
import org.theforeman.operator.common.runtime.Registration;
import org.theforeman.operator.common.runtime.StartupException;

/** Entry point of the smart-proxy-operator process: reconciles {@code SmartProxy} resources. */
public final class SmartProxyOperator {
    public static final String NAME = "smart-proxy-operator";

    /**
     * Tunables, from the environment (ISO-8601 durations): {@code CERTIFICATE_LIFETIME} of the certificates
     * it issues (default P365D; renewed after two thirds), {@code FOREMAN_TIMEOUT} of one call to Foreman's
     * API (PT10S), {@code DEREGISTRATION_TIMEOUT} after which a deleted proxy stops waiting for Foreman
     * (PT60S).
     */
    public record Settings(Duration certificateLifetime, Duration foremanTimeout, Duration deregistrationGiveUp) {
        public static Settings defaults() {
            return new Settings(Duration.ofDays(365), Duration.ofSeconds(10), Duration.ofSeconds(60));
        }

        public static Settings from(Map<String, String> env) {
            Settings d = defaults();
            return new Settings(
                    duration(env, "CERTIFICATE_LIFETIME", d.certificateLifetime()),
                    duration(env, "FOREMAN_TIMEOUT", d.foremanTimeout()),
                    duration(env, "DEREGISTRATION_TIMEOUT", d.deregistrationGiveUp()));
        }

        private static Duration duration(Map<String, String> env, String name, Duration fallback) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                return Duration.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new StartupException(name + "=" + value + " is not an ISO-8601 duration such as PT30S or P90D");
            }
        }
    }

    /** The kinds it manages: what the class-data training run maps from JSON. */
    public static final List<Class<? extends HasMetadata>> MANAGED_KINDS = ProxySources.MANAGED_TYPES;

    private SmartProxyOperator() {}

    public static List<Registration<?>> registrations(KubernetesClient client, Settings settings) {
        return List.of(
                new Registration<>(SmartProxy.class, new SmartProxyReconciler(client, Clock.systemUTC(), settings)));
    }

    public static void main(String[] args) {
        // Read inside the launcher, which turns a bad value into one line and exit status 1.
        OperatorLauncher.main(
                NAME, args, client -> registrations(client, Settings.from(System.getenv())), MANAGED_KINDS, () -> {});
    }
}
