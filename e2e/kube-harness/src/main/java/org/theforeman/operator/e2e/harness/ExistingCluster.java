package org.theforeman.operator.e2e.harness;

import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A cluster someone else runs, named by KUBECONFIG; never stopped by the tests. */
public final class ExistingCluster extends ControlPlane {
    private final Path kubeconfig;

    private ExistingCluster(Config config, Path kubeconfig) {
        super(config);
        this.kubeconfig = kubeconfig;
    }

    public static ExistingCluster from(Path kubeconfig) {
        try {
            return new ExistingCluster(
                    Config.fromKubeconfig(null, Files.readString(kubeconfig), kubeconfig.toString()), kubeconfig);
        } catch (IOException e) {
            throw new IllegalStateException("KUBECONFIG " + kubeconfig + " cannot be read", e);
        }
    }

    @Override
    public String description() {
        return "existing cluster " + adminConfig().getMasterUrl() + " (KUBECONFIG " + kubeconfig + ")";
    }

    @Override
    public Path kubeconfig() {
        return kubeconfig;
    }

    @Override
    public boolean runsWorkloads() {
        return true;
    }
}
