package org.theforeman.operator.smartproxy.model;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.IssuerReference;
import org.theforeman.operator.api.v1alpha1.SmartProxy;

/**
 * A cert-manager Certificate for tls.issuer: cert-manager writes the proxy's certificate (server and client
 * use, the Service's names and the host) into the Secret the pods mount, and renews it.
 */
public final class ProxyCertificate {
    public static final String GROUP = "cert-manager.io";
    public static final String API_VERSION = GROUP + "/v1";
    public static final String KIND = "Certificate";

    private ProxyCertificate() {}

    public static GenericKubernetesResource desired(SmartProxy proxy, ProxyEndpoint endpoint) {
        IssuerReference issuer = proxy.getSpec().getTls().getIssuer();
        ProxyNames names = ProxyNames.of(proxy);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("secretName", names.serverTls());
        spec.put("commonName", endpoint.host());
        spec.put("dnsNames", endpoint.dnsNames());
        spec.put("usages", List.of("digital signature", "key encipherment", "server auth", "client auth"));
        spec.put(
                "issuerRef",
                Map.of(
                        "name",
                        issuer.getName(),
                        "kind",
                        issuer.getKind() == null ? "Issuer" : issuer.getKind().name(),
                        "group",
                        GROUP));
        return new GenericKubernetesResourceBuilder()
                .withApiVersion(API_VERSION)
                .withKind(KIND)
                .withMetadata(ProxyMeta.owned(proxy, names.serverTls(), "certificate"))
                .withAdditionalProperties(Map.of("spec", spec))
                .build();
    }
}
