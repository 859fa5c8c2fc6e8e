package org.theforeman.operator.common.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How an operator process is configured: command-line flags first, then environment variables.
 *
 * <ul>
 *   <li>{@code --kubeconfig PATH} (else {@code KUBECONFIG}, else in-cluster, else {@code ~/.kube/config})
 *   <li>{@code --http-port N} / {@code HTTP_PORT}: side port for /healthz, /readyz, /metrics (default
 *       8080; 0 picks a free one)
 *   <li>{@code WATCH_NAMESPACES}: see {@link WatchedNamespaces}
 *   <li>{@code --leader-election=true|false} / {@code LEADER_ELECTION}: on by default in a pod, off for
 *       local runs
 *   <li>{@code POD_NAMESPACE}, {@code POD_NAME}: the pod's own namespace and the leader identity
 *   <li>{@code LEADER_ELECTION_LEASE_DURATION}, {@code LEADER_ELECTION_RENEW_DEADLINE},
 *       {@code LEADER_ELECTION_RETRY_PERIOD}: the lease timings (15s, 10s, 2s by default), see
 *       {@link LeaderLease.Timings}
 * </ul>
 */
public record OperatorSettings(
        Optional<Path> kubeconfig,
        int httpPort,
        String watchNamespaces,
        boolean leaderElection,
        Optional<String> podNamespace,
        Optional<String> podName,
        LeaderLease.Timings leaseTimings) {

    /** Settings with the default lease timings. */
    public OperatorSettings(
            Optional<Path> kubeconfig,
            int httpPort,
            String watchNamespaces,
            boolean leaderElection,
            Optional<String> podNamespace,
            Optional<String> podName) {
        this(kubeconfig, httpPort, watchNamespaces, leaderElection, podNamespace, podName, LeaderLease.Timings.DEFAULT);
    }

    static final Path SERVICE_ACCOUNT_DIR = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");
    public static final int DEFAULT_HTTP_PORT = 8080;

    public static OperatorSettings from(String[] args, Map<String, String> env) {
        Map<String, String> flags = Flags.parse(args);
        Optional<Path> kubeconfig = Optional.ofNullable(flags.get("kubeconfig")).map(Path::of);
        int port = parsePort(Optional.ofNullable(flags.get("http-port")).orElse(env.get("HTTP_PORT")));
        boolean inCluster =
                env.containsKey("KUBERNETES_SERVICE_HOST") && Files.exists(SERVICE_ACCOUNT_DIR.resolve("token"));
        String leader = Optional.ofNullable(flags.get("leader-election")).orElse(env.get("LEADER_ELECTION"));
        boolean leaderElection =
                leader == null || leader.isBlank() ? inCluster : parseBoolean("LEADER_ELECTION", leader);
        return new OperatorSettings(
                kubeconfig,
                port,
                env.getOrDefault("WATCH_NAMESPACES", ""),
                leaderElection,
                Optional.ofNullable(env.get("POD_NAMESPACE")).filter(s -> !s.isBlank()),
                Optional.ofNullable(env.get("POD_NAME")).filter(s -> !s.isBlank()),
                LeaderLease.Timings.from(env));
    }

    /**
     * The operator's own namespace: the service-account file in a pod, else {@code POD_NAMESPACE}, else
     * the namespace of the client's kubeconfig context (a local run).
     */
    public String ownNamespace(String clientNamespace) {
        Path file = SERVICE_ACCOUNT_DIR.resolve("namespace");
        try {
            if (Files.isReadable(file)) {
                return Files.readString(file).trim();
            }
        } catch (IOException e) {
            // fall through to the other sources
        }
        return podNamespace.orElse(clientNamespace == null || clientNamespace.isBlank() ? "default" : clientNamespace);
    }

    static int parsePort(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_HTTP_PORT;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new StartupException("HTTP port must be a number from 0 to 65535, got '" + value + "'");
        }
    }

    static boolean parseBoolean(String name, String value) {
        return switch (value.trim().toLowerCase()) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new StartupException(name + " must be true or false, got '" + value + "'");
        };
    }
}
