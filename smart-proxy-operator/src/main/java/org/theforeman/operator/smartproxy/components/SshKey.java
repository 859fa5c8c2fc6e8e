package org.theforeman.operator.smartproxy.components;

import io.fabric8.kubernetes.api.model.Secret;
import org.theforeman.operator.api.v1alpha1.ConditionTypes.SmartProxyConditions;
import org.theforeman.operator.api.v1alpha1.SmartProxy;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.resources.GeneratedSecrets;
import org.theforeman.operator.common.resources.WriteOnceSecret;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.smartproxy.SshKeyPair;
import org.theforeman.operator.smartproxy.model.ProxyEndpoint;
import org.theforeman.operator.smartproxy.model.ProxyNames;
import org.theforeman.operator.smartproxy.model.SshKeySecret;

/**
 * The remote execution key pair, with the feature on: the user's ssh_key_secret, or one generated once and
 * never replaced (a new key would lock the proxy out of every host that trusts the old one).
 */
public final class SshKey {
    /**
     * @param publicKey the authorized_keys line, for status; null with the feature off
     * @param problem bad input (the user's Secret missing a key), else null
     */
    public record Result(String publicKey, ComponentState problem) {}

    private SshKey() {}

    public static Result reconcile(ManagedObjects<SmartProxy> objects, ProxyEndpoint endpoint, boolean needed) {
        if (!needed) {
            return new Result(null, null);
        }
        ProxyNames names = ProxyNames.of(objects.primary());
        if (names.userSshKey()) {
            Secret secret = objects.referenced(Secret.class, names.sshKey());
            String problem = secret == null ? "does not exist" : missingKey(secret);
            if (problem != null) {
                return new Result(
                        null,
                        ComponentState.failed(
                                SmartProxyConditions.PROXY_READY,
                                "SshKeySecretInvalid",
                                "Secret " + names.sshKey() + " (features.remote_execution_ssh.ssh_key_secret) "
                                        + problem + "."));
            }
            return new Result(publicKey(secret), null);
        }
        Secret secret = Certificates.cachedOrRead(objects, names.sshKey());
        if (secret == null || missingKey(secret) != null) {
            // Generated only when absent: RSA 4096 takes a moment.
            SshKeyPair pair = SshKeyPair.generate("foreman-proxy@" + endpoint.host());
            var data = WriteOnceSecret.apply(
                    objects, SshKeySecret.desired(objects.primary(), pair.privateKeyPem(), pair.publicKeyLine()));
            return new Result(
                    GeneratedSecrets.decode(data.get(SshKeySecret.PUBLIC_KEY)).strip(), null);
        }
        return new Result(publicKey(secret), null);
    }

    private static String missingKey(Secret secret) {
        for (String key : new String[] {SshKeySecret.PRIVATE_KEY, SshKeySecret.PUBLIC_KEY}) {
            if (secret.getData() == null || secret.getData().get(key) == null) {
                return "has no key " + key;
            }
        }
        return null;
    }

    private static String publicKey(Secret secret) {
        return GeneratedSecrets.decode(secret.getData().get(SshKeySecret.PUBLIC_KEY))
                .strip();
    }
}
