package org.theforeman.operator.common.runtime;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Builds the fabric8 client: from {@code --kubeconfig}, else KUBECONFIG / in-cluster / ~/.kube/config. */
public final class KubernetesClients {
    private KubernetesClients() {}

    public static Config config(Optional<Path> kubeconfig) {
        if (kubeconfig.isPresent()) {
            Path path = kubeconfig.get();
            try {
                return Config.fromKubeconfig(null, Files.readString(path), path.toString());
            } catch (IOException e) {
                throw new StartupException("cannot read kubeconfig " + path + ": " + e.getMessage());
            } catch (RuntimeException e) {
                throw new StartupException("kubeconfig " + path + " is not valid: " + e.getMessage());
            }
        }
        return Config.autoConfigure(null);
    }

    public static KubernetesClient client(Config config) {
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /** A client whose requests pass through {@code interceptor} (e.g. to count writes). */
    public static KubernetesClient client(Config config, Interceptor interceptor) {
        return new KubernetesClientBuilder()
                .withConfig(config)
                .withHttpClientBuilderConsumer(builder ->
                        builder.addOrReplaceInterceptor(interceptor.getClass().getSimpleName(), interceptor))
                .build();
    }

    /**
     * A client that fails fast: no retries and short timeouts, for the start-up checks, so that a missing
     * cluster is reported within seconds instead of after the regular client's retry budget.
     */
    public static KubernetesClient probeClient(Config config) {
        Config probe = new ConfigBuilder(config)
                .withRequestRetryBackoffLimit(0)
                .withConnectionTimeout(3_000)
                .withRequestTimeout(5_000)
                .build();
        return client(probe);
    }
}
