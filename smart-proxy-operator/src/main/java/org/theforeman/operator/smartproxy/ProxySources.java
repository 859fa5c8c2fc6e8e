package org.theforeman.operator.smartproxy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.api.v1alpha1.SmartProxy;
import org.theforeman.operator.api.v1alpha1.SmartProxySpec;
import org.theforeman.operator.common.reconcile.ManagedSources;
import org.theforeman.operator.smartproxy.model.ProxyNames;

/**
 * The informers a SmartProxy is reconciled from: its managed objects, the Secrets its spec names, and the
 * Foreman it registers with where that kind can be watched.
 */
final class ProxySources {
    private ProxySources() {}

    static final List<Class<? extends HasMetadata>> MANAGED_TYPES =
            List.of(Deployment.class, Service.class, ConfigMap.class, Secret.class, Ingress.class);

    static List<EventSource<?, SmartProxy>> all(EventSourceContext<SmartProxy> context) {
        List<EventSource<?, SmartProxy>> sources = new ArrayList<>();
        MANAGED_TYPES.forEach(type -> sources.add(managed(type, context)));
        sources.add(ManagedSources.referenced(Secret.class, context, ProxySources::referencedSecrets));
        // A proxy waiting for its Foreman's WebReady starts the moment it turns true. Where the Foreman CRD is
        // not installed (only this operator runs) or may not be listed, the proxy looks again every RECHECK.
        if (ManagedSources.watchable(context, Foreman.class)) {
            sources.add(ManagedSources.referenced(Foreman.class, context, ProxySources::referencedForeman));
        }
        return sources;
    }

    /** The Foreman of this suite a proxy registers with (foreman.name), if any. */
    static Set<String> referencedForeman(SmartProxy proxy) {
        return proxy.getSpec().getForeman() == null
                ? Set.of()
                : ManagedSources.names(proxy.getSpec().getForeman().getName());
    }

    private static <R extends HasMetadata> EventSource<R, SmartProxy> managed(
            Class<R> type, EventSourceContext<SmartProxy> context) {
        return ManagedSources.managed(type, context, ProxyNames.APPLICATION, SmartProxyOperator.NAME);
    }

    /** The user's Secrets: credentials of an external Foreman, tls.secret (or cert-manager's), ssh_key_secret. */
    static Set<String> referencedSecrets(SmartProxy proxy) {
        SmartProxySpec spec = proxy.getSpec();
        ProxyNames names = ProxyNames.of(proxy);
        return ManagedSources.names(
                spec.getForeman() == null ? null : spec.getForeman().getCredentialsSecret(),
                names.userTls() || names.certManager() ? names.serverTls() : null,
                names.userSshKey() ? names.sshKey() : null);
    }
}
