package org.theforeman.operator.e2e.harness;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A running Kubernetes API server the tests talk to: the local control plane built from Kubernetes' Go
 * modules, an existing cluster named by KUBECONFIG, or k3s in a container.
 */
public abstract class ControlPlane implements AutoCloseable {
    private final Config adminConfig;
    private KubernetesClient admin;

    protected ControlPlane(Config adminConfig) {
        this.adminConfig = adminConfig;
    }

    /** What this control plane is, for test logs. */
    public abstract String description();

    /** The admin kubeconfig file, for processes started by a test (operators, scripts). */
    public abstract Path kubeconfig();

    /** True when kube-controller-manager, the scheduler and fake nodes run (not only an API server). */
    public abstract boolean runsWorkloads();

    public Config adminConfig() {
        return adminConfig;
    }

    /** A client with cluster-admin rights, shared by all tests of this JVM: do not close it. */
    public synchronized KubernetesClient admin() {
        if (admin == null) {
            admin = new KubernetesClientBuilder().withConfig(adminConfig).build();
        }
        return admin;
    }

    /**
     * A new client that authenticates with a freshly issued token of the ServiceAccount (TokenRequest
     * API), so a test acts with exactly the RBAC of that account. The caller closes it.
     */
    public KubernetesClient clientFor(String namespace, String serviceAccount) {
        return new KubernetesClientBuilder()
                .withConfig(configFor(namespace, serviceAccount))
                .build();
    }

    /** The client configuration of {@link #clientFor}: server and CA of the admin, the account's token. */
    public Config configFor(String namespace, String serviceAccount) {
        var request = new TokenRequestBuilder()
                .withNewSpec()
                .withExpirationSeconds(3600L)
                .endSpec()
                .build();
        String token = admin().serviceAccounts()
                .inNamespace(namespace)
                .withName(serviceAccount)
                .tokenRequest(request)
                .getStatus()
                .getToken();
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(adminConfig.getMasterUrl())
                .withCaCertData(adminConfig.getCaCertData())
                .withCaCertFile(adminConfig.getCaCertFile())
                .withOauthToken(token)
                .withNamespace(namespace)
                .withRequestRetryBackoffLimit(0)
                .build();
    }

    /** Applies a CRD (server-side, taking over fields from other managers) and waits until it is Established. */
    public void applyCrd(CustomResourceDefinition crd) {
        var crds = admin().apiextensions().v1().customResourceDefinitions();
        crds.resource(crd).forceConflicts().serverSideApply();
        crds.withName(crd.getMetadata().getName()).waitUntilCondition(ControlPlane::established, 60, TimeUnit.SECONDS);
    }

    /** Applies every CRD file of a directory (or one file), as {@code kubectl apply --server-side -f} would. */
    public void applyCrds(Path fileOrDirectory) {
        try (var files =
                Files.isDirectory(fileOrDirectory) ? Files.list(fileOrDirectory) : Stream.of(fileOrDirectory)) {
            for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .toList()) {
                try (var in = Files.newInputStream(file)) {
                    applyCrd(admin().apiextensions()
                            .v1()
                            .customResourceDefinitions()
                            .load(in)
                            .item());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean established(CustomResourceDefinition crd) {
        return crd != null
                && crd.getStatus() != null
                && crd.getStatus().getConditions() != null
                && crd.getStatus().getConditions().stream()
                        .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /**
     * Runs kubectl (built with the control plane) against this cluster as admin; stdout, or an exception
     * with stderr.
     */
    public String kubectl(String... args) {
        List<String> command = new ArrayList<>();
        command.add(RepositoryLayout.binDir().resolve("kubectl").toString());
        command.add("--kubeconfig=" + kubeconfig());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            var stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String stdout = readAll(process.getInputStream());
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl timed out: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl " + String.join(" ", args) + " failed: " + stderr.join());
            }
            return stdout;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String readAll(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }
}
