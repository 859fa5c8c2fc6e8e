package org.theforeman.operator.common.resources;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLSBuilder;
import java.util.List;

/** Ingresses of the suite's services. */
public final class Ingresses {
    private Ingresses() {}

    /**
     * Every path of {@code host} to one named port of a Service.
     *
     * @param className the IngressClass, or null for the cluster's default
     * @param tlsSecret a kubernetes.io/tls Secret to terminate TLS with, or null (plain HTTP, or passthrough
     *     by annotation)
     */
    public static Ingress toService(
            ObjectMeta metadata, String className, String host, String tlsSecret, String service, String portName) {
        List<IngressTLS> tls = tlsSecret == null
                ? List.of()
                : List.of(new IngressTLSBuilder()
                        .withHosts(host)
                        .withSecretName(tlsSecret)
                        .build());
        return new IngressBuilder()
                .withMetadata(metadata)
                .withNewSpec()
                .withIngressClassName(className)
                .withTls(tls)
                .addNewRule()
                .withHost(host)
                .withNewHttp()
                .addNewPath()
                .withPath("/")
                .withPathType("Prefix")
                .withNewBackend()
                .withNewService()
                .withName(service)
                .withNewPort()
                .withName(portName)
                .endPort()
                .endService()
                .endBackend()
                .endPath()
                .endHttp()
                .endRule()
                .endSpec()
                .build();
    }
}
