package org.theforeman.operator.common.runtime;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.io.IOException;
import java.net.URI;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How an operator reaches an HTTP endpoint inside the cluster (a Foreman's status.internalUrl), set with
 * {@code CLUSTER_ENDPOINTS}:
 *
 * <ul>
 *   <li>{@code direct} (default): the URL as it is; right for an operator running in the cluster.
 *   <li>{@code port-forward}: for an operator running outside the cluster (a local run, a laptop against a
 *       remote cluster), which cannot resolve Service names: a URL whose host is {@code SERVICE.NAMESPACE.svc}
 *       (optionally {@code .cluster.local}) is reached through the API server's port-forward to a ready pod
 *       behind that Service, on the Service port's target port. Needs {@code create} on {@code pods/portforward},
 *       {@code get} on services and {@code list} on pods. Other URLs are used as they are.
 * </ul>
 *
 * The caller keeps addressing the original URL (OAuth signatures, the Host header); only the connection
 * goes to the local end of the forward. One forward per pod and port is kept open and reused while the pod
 * is ready.
 */
public final class ClusterEndpoints {
    public static final String SETTING = "CLUSTER_ENDPOINTS";
    private static final Logger LOG = LoggerFactory.getLogger(ClusterEndpoints.class);
    private static final Pattern SERVICE_HOST = Pattern.compile(
            "^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\\.svc(\\.cluster\\.local)?$");

    /** The mode of this process; direct until {@link #configure} says otherwise. */
    private static volatile ClusterEndpoints current = new ClusterEndpoints(false);

    private final boolean portForward;
    private volatile KubernetesClient client;
    private final Map<String, LocalPortForward> forwards = new ConcurrentHashMap<>();

    private ClusterEndpoints(boolean portForward) {
        this.portForward = portForward;
    }

    public static ClusterEndpoints current() {
        return current;
    }

    /**
     * Reads {@value #SETTING} from the environment; called once by the launcher before any HTTP client
     * exists (a port-forwarded request must carry the original Host header, which the JDK's HTTP client
     * allows only when told so at start).
     */
    public static void configure(Map<String, String> env) {
        String value = env.getOrDefault(SETTING, "direct").strip();
        switch (value) {
            case "", "direct" -> current = new ClusterEndpoints(false);
            case "port-forward" -> {
                System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
                current = new ClusterEndpoints(true);
            }
            default ->
                throw new StartupException(
                        SETTING + "=" + value + " is not one of direct, port-forward (see the README's local run)");
        }
    }

    /** The client forwards are opened with (the operator's own). */
    public static void useClient(KubernetesClient client) {
        current.client = client;
    }

    public boolean portForward() {
        return portForward;
    }

    /**
     * Where to connect to for {@code url}: the URL itself, or with port-forward the local end of a forward
     * to a ready pod of the Service it names. Fails with an IOException naming what is missing.
     */
    public URI reach(URI url) throws IOException {
        if (!portForward || url.getHost() == null) {
            return url;
        }
        Matcher service = SERVICE_HOST.matcher(url.getHost());
        if (!service.matches() || client == null) {
            return url;
        }
        String name = service.group(1);
        String namespace = service.group(3);
        int port = url.getPort() > 0 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
        LocalPortForward forward = forward(namespace, name, port);
        return URI.create(url.getScheme() + "://127.0.0.1:" + forward.getLocalPort()
                + (url.getRawPath() == null ? "" : url.getRawPath()));
    }

    private LocalPortForward forward(String namespace, String serviceName, int port) throws IOException {
        Service service =
                client.services().inNamespace(namespace).withName(serviceName).get();
        if (service == null || service.getSpec().getSelector() == null) {
            throw new IOException("Service " + namespace + "/" + serviceName + " does not exist or selects no pods");
        }
        ServicePort servicePort = service.getSpec().getPorts().stream()
                .filter(p -> p.getPort() == port)
                .findFirst()
                .orElseThrow(
                        () -> new IOException("Service " + namespace + "/" + serviceName + " has no port " + port));
        Pod pod =
                client
                        .pods()
                        .inNamespace(namespace)
                        .withLabels(service.getSpec().getSelector())
                        .list()
                        .getItems()
                        .stream()
                        .filter(ClusterEndpoints::ready)
                        .min(Comparator.comparing(p -> p.getMetadata().getName()))
                        .orElseThrow(
                                () -> new IOException("no ready pod behind Service " + namespace + "/" + serviceName));
        int target = targetPort(servicePort, pod)
                .orElseThrow(() ->
                        new IOException("the target port of Service " + namespace + "/" + serviceName + " is unknown"));
        String key = namespace + "/" + pod.getMetadata().getName() + ":" + target;
        LocalPortForward existing = forwards.get(key);
        if (existing != null && existing.isAlive() && !existing.errorOccurred()) {
            return existing;
        }
        if (existing != null) {
            close(existing);
        }
        LocalPortForward opened = client.pods()
                .inNamespace(namespace)
                .withName(pod.getMetadata().getName())
                .portForward(target);
        forwards.put(key, opened);
        LOG.info(
                "Reaching {}:{} through a port-forward to pod {} (local port {})",
                serviceName,
                port,
                key,
                opened.getLocalPort());
        forwards.entrySet()
                .removeIf(e -> !e.getKey().equals(key)
                        && e.getKey().startsWith(namespace + "/")
                        && !e.getValue().isAlive());
        return opened;
    }

    private static Optional<Integer> targetPort(ServicePort port, Pod pod) {
        IntOrString target = port.getTargetPort();
        if (target == null) {
            return Optional.of(port.getPort());
        }
        if (target.getIntVal() != null) {
            return Optional.of(target.getIntVal());
        }
        return pod.getSpec().getContainers().stream()
                .flatMap(c -> c.getPorts() == null ? Stream.<ContainerPort>empty() : c.getPorts().stream())
                .filter(p -> target.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst();
    }

    private static boolean ready(Pod pod) {
        return pod.getMetadata().getDeletionTimestamp() == null
                && pod.getStatus() != null
                && pod.getStatus().getConditions() != null
                && pod.getStatus().getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static void close(LocalPortForward forward) {
        try {
            forward.close();
        } catch (IOException e) {
            LOG.debug("closing a port-forward: {}", e.getMessage());
        }
    }
}
