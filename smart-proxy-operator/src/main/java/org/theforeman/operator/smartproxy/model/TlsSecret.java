package org.theforeman.operator.smartproxy.model;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.SmartProxy;
import org.theforeman.operator.common.resources.GeneratedSecrets;
import org.theforeman.operator.common.tls.IssuedCertificate;

/** A kubernetes.io/tls Secret holding a certificate issued by the suite CA (data, kept on delete). */
public final class TlsSecret {
    private TlsSecret() {}

    public static Secret desired(SmartProxy proxy, String name, String component, IssuedCertificate issued) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(IssuedCertificate.TLS_CRT, GeneratedSecrets.encode(issued.certificatePem()));
        data.put(IssuedCertificate.TLS_KEY, GeneratedSecrets.encode(issued.privateKeyPem()));
        data.put(IssuedCertificate.CA_CRT, GeneratedSecrets.encode(issued.caPem()));
        return new SecretBuilder()
                .withMetadata(ProxyMeta.data(proxy, name, component))
                .withType("kubernetes.io/tls")
                .withData(data)
                .build();
    }
}
