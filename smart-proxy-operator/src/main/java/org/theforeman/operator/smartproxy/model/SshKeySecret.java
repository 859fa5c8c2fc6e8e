package org.theforeman.operator.smartproxy.model;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.SmartProxy;
import org.theforeman.operator.common.resources.GeneratedSecrets;

/**
 * The remote execution key pair under the file names the plugin expects (the private key and the same name
 * with .pub): generated once, never replaced, kept on delete unless deletion_policy is Delete.
 */
public final class SshKeySecret {
    public static final String PRIVATE_KEY = ProxySettings.SSH_KEY_FILE;
    public static final String PUBLIC_KEY = ProxySettings.SSH_KEY_FILE + ".pub";

    private SshKeySecret() {}

    public static Secret desired(SmartProxy proxy, String privateKeyPem, String publicKeyLine) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(PRIVATE_KEY, GeneratedSecrets.encode(privateKeyPem));
        data.put(PUBLIC_KEY, GeneratedSecrets.encode(publicKeyLine));
        return new SecretBuilder()
                .withMetadata(ProxyMeta.data(proxy, ProxyNames.of(proxy).sshKey(), "ssh-key"))
                .withType("Opaque")
                .withData(data)
                .build();
    }
}
