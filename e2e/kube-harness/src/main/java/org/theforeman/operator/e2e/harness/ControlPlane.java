package org.theforeman.operator.e2e.harness;

import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;

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
    return new KubernetesClientBuilder().withConfig(configFor(namespace, serviceAccount)).build();
  }

  /** The client configuration of {@link #clientFor}: server and CA of the admin, the account's token. */
  public Config configFor(String namespace, String serviceAccount) {
    var request = new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build();
    String token =
        admin()
            .serviceAccounts()
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

  @Override
  public synchronized void close() {
    if (admin != null) {
      admin.close();
      admin = null;
    }
  }
}
