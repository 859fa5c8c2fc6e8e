package org.theforeman.operator.smartproxy.model;

import org.theforeman.operator.api.v1alpha1.RemoteExecutionSshFeature;
import org.theforeman.operator.api.v1alpha1.SmartProxy;

/** Names of everything the operator makes for a SmartProxy, derived from its name (and spec references). */
public final class ProxyNames {
    public static final String APPLICATION = "smart-proxy";
    public static final String COMPONENT = "proxy";

    private final SmartProxy proxy;
    private final String name;

    private ProxyNames(SmartProxy proxy) {
        this.proxy = proxy;
        this.name = proxy.getMetadata().getName();
    }

    public static ProxyNames of(SmartProxy proxy) {
        return new ProxyNames(proxy);
    }

    /** Deployment, Service, Ingress, Route and cert-manager Certificate. */
    public String proxy() {
        return name;
    }

    public String config() {
        return name + "-config";
    }

    /** The certificate the proxy serves: the generated one, or the user's tls.secret. */
    public String serverTls() {
        return proxy.getSpec().getTls() != null && proxy.getSpec().getTls().getSecret() != null
                ? proxy.getSpec().getTls().getSecret()
                : name + "-tls";
    }

    public boolean userTls() {
        return proxy.getSpec().getTls() != null && proxy.getSpec().getTls().getSecret() != null;
    }

    public boolean certManager() {
        return proxy.getSpec().getTls() != null && proxy.getSpec().getTls().getIssuer() != null;
    }

    /** The certificate the proxy presents to Foreman: its own client certificate only with the suite CA. */
    public String clientTls() {
        return userTls() || certManager() ? serverTls() : name + "-foreman-client-tls";
    }

    /** The REX key pair: ssh_key_secret when given, else the generated one. */
    public String sshKey() {
        RemoteExecutionSshFeature rex = proxy.getSpec().getFeatures() == null
                ? null
                : proxy.getSpec().getFeatures().getRemoteExecutionSsh();
        return rex != null && rex.getSshKeySecret() != null ? rex.getSshKeySecret() : name + "-ssh";
    }

    public boolean userSshKey() {
        return !sshKey().equals(name + "-ssh");
    }
}
