package org.theforeman.operator.smartproxy.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.theforeman.operator.api.v1alpha1.ExposureType;
import org.theforeman.operator.api.v1alpha1.IngressSpec;
import org.theforeman.operator.api.v1alpha1.SmartProxy;
import org.theforeman.operator.api.v1alpha1.SmartProxySpec;

/**
 * Where Foreman reaches the proxy: the URL registered in Foreman (also the record's name, by its host)
 * and every DNS name the proxy's server certificate must carry.
 *
 * @param host the registered host: ingress.host with an Ingress or Route, else hostname, else the
 *     Service's DNS name (name.namespace.svc)
 * @param url https://host[:port]
 * @param dnsNames the Service's DNS names plus hostname and ingress.host, without duplicates
 */
public record ProxyEndpoint(String host, String url, List<String> dnsNames) {
    public static final int HTTPS_PORT = 8443;

    public static ProxyEndpoint of(SmartProxy proxy) {
        SmartProxySpec spec = proxy.getSpec();
        String name = proxy.getMetadata().getName();
        String namespace = proxy.getMetadata().getNamespace();
        int servicePort = servicePort(spec);
        Set<String> names = new LinkedHashSet<>(List.of(
                name,
                name + "." + namespace,
                name + "." + namespace + ".svc",
                name + "." + namespace + ".svc.cluster.local"));
        String ingressHost = ingressHost(spec.getIngress());
        if (spec.getHostname() != null) {
            names.add(spec.getHostname());
        }
        if (ingressHost != null) {
            names.add(ingressHost);
            return new ProxyEndpoint(ingressHost, "https://" + ingressHost, new ArrayList<>(names));
        }
        String host = spec.getHostname() != null ? spec.getHostname() : name + "." + namespace + ".svc";
        return new ProxyEndpoint(host, "https://" + host + ":" + servicePort, new ArrayList<>(names));
    }

    /** The Service's port: service.port, else the proxy's own 8443. */
    public static int servicePort(SmartProxySpec spec) {
        return spec.getService() != null && spec.getService().getPort() != null
                ? spec.getService().getPort()
                : HTTPS_PORT;
    }

    /** The host of an Ingress or Route (TLS passthrough on 443), or null when there is none. */
    static String ingressHost(IngressSpec ingress) {
        if (ingress == null || ingress.getHost() == null || ingress.getType() == null) {
            return null;
        }
        return ingress.getType() == ExposureType.ingress || ingress.getType() == ExposureType.route
                ? ingress.getHost()
                : null;
    }
}
