package org.theforeman.operator.e2e.harness;

import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/** k3s in a container (Testcontainers): the second path, where a Docker engine exists. */
public final class K3sControlPlane extends ControlPlane {
    static final String IMAGE = "rancher/k3s:v1.33.4-k3s1";

    private final K3sContainer container;
    private final Path kubeconfig;

    private K3sControlPlane(Config config, K3sContainer container, Path kubeconfig) {
        super(config);
        this.container = container;
        this.kubeconfig = kubeconfig;
    }

    /** Whether a Docker engine answers; without one the k3s path is skipped, not failed. */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public static K3sControlPlane start() {
        K3sContainer container = new K3sContainer(DockerImageName.parse(IMAGE));
        container.start();
        try {
            String yaml = container.getKubeConfigYaml();
            Path file = Files.createTempFile("k3s-kubeconfig-", ".yaml");
            Files.writeString(file, yaml);
            return new K3sControlPlane(Config.fromKubeconfig(yaml), container, file);
        } catch (IOException e) {
            container.stop();
            throw new IllegalStateException("cannot write the k3s kubeconfig", e);
        }
    }

    @Override
    public String description() {
        return "k3s container " + IMAGE;
    }

    @Override
    public Path kubeconfig() {
        return kubeconfig;
    }

    @Override
    public boolean runsWorkloads() {
        // k3s runs a real kubelet and container runtime inside the container.
        return true;
    }

    @Override
    public synchronized void close() {
        super.close();
        container.stop();
    }
}
