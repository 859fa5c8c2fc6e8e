package org.theforeman.operator.common.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;

/**
 * Checks before the operator starts its informers, each turning a failure into one sentence that says
 * what is missing and how to fix it. Uses only namespaced reads, so it works with the minimal Role.
 */
public final class Preflight {
    private Preflight() {}

    /** The API server answers {@code /version}. */
    public static void apiServerReachable(KubernetesClient probe) {
        try {
            probe.getKubernetesVersion();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 401) {
                throw new StartupException("the Kubernetes API server at " + probe.getMasterUrl()
                        + " rejected the credentials (401 Unauthorized)");
            }
            throw new StartupException("no Kubernetes API server reachable at "
                    + probe.getMasterUrl()
                    + " ("
                    + rootMessage(e)
                    + "); set KUBECONFIG or --kubeconfig to a cluster, or start the local one "
                    + "with e2e/cluster/cluster.sh up");
        }
    }

    /**
     * What keeps the operator from watching its kinds, in one sentence, or empty when nothing does: each
     * primary kind's CRD must be installed (a 404 on the list means it is not) and the operator must be
     * allowed to list it in the watched namespaces.
     */
    public static Optional<String> crdProblem(
            KubernetesClient probe, Collection<Class<? extends HasMetadata>> kinds, WatchedNamespaces namespaces) {
        try {
            crdsInstalled(probe, kinds, namespaces);
            return Optional.empty();
        } catch (StartupException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** As {@link #crdProblem}, failing with the sentence. */
    public static void crdsInstalled(
            KubernetesClient probe, Collection<Class<? extends HasMetadata>> kinds, WatchedNamespaces namespaces) {
        for (Class<? extends HasMetadata> kind : kinds) {
            String crd = HasMetadata.getPlural(kind) + "." + HasMetadata.getGroup(kind);
            for (String namespace : namespaces.all() ? Collections.<String>singleton(null) : namespaces.names()) {
                try {
                    var resources = probe.resources(kind);
                    var listOptions = new ListOptionsBuilder().withLimit(1L).build();
                    if (namespace == null) {
                        resources.inAnyNamespace().list(listOptions);
                    } else {
                        resources.inNamespace(namespace).list(listOptions);
                    }
                } catch (KubernetesClientException e) {
                    throw new StartupException(describe(e, crd, HasMetadata.getPlural(kind), namespace));
                }
            }
        }
    }

    static String describe(KubernetesClientException e, String crd, String plural, String namespace) {
        String where = namespace == null ? "all namespaces" : "namespace " + namespace;
        return switch (e.getCode()) {
            case 404 ->
                "the CustomResourceDefinition "
                        + crd
                        + " is not installed; install it with: kubectl apply -f install/crds/"
                        + crd
                        + "-v1.yml";
            case 403 ->
                "not allowed to list "
                        + plural
                        + " in "
                        + where
                        + " (403 Forbidden); apply the operator's install bundle (its Role and "
                        + "RoleBinding) in that namespace";
            default -> "cannot list " + plural + " in " + where + ": " + rootMessage(e);
        };
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName()
                + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }
}
