package org.theforeman.operator.foreman.model;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.theforeman.operator.api.v1alpha1.ExposureType;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.api.v1alpha1.IngressSpec;
import org.theforeman.operator.common.resources.ClusterServices;
import org.theforeman.operator.common.resources.Ingresses;
import org.theforeman.operator.common.resources.ManagedMetadata;
import org.theforeman.operator.common.resources.OpenShiftRoutes;
import org.theforeman.operator.foreman.ForemanInputsResolver;
import org.theforeman.operator.foreman.ForemanNames;

/**
 * How Foreman's web pods are reached: always the web Service (status.internalUrl, what the suite's smart
 * proxies use), of type NodePort or LoadBalancer for those exposure types; an Ingress or a Route for the
 * others. spec.ingress.annotations go on whichever object exposes Foreman.
 */
public final class WebExposure {
    public static final String PORT_NAME = "http";

    private WebExposure() {}

    public static ExposureType type(Foreman foreman) {
        IngressSpec ingress = foreman.getSpec().getIngress();
        return ingress == null || ingress.getType() == null ? ExposureType.none : ingress.getType();
    }

    public static Service webService(Foreman foreman) {
        IngressSpec ingress = foreman.getSpec().getIngress();
        ExposureType type = type(foreman);
        ObjectMeta metadata =
                ForemanMeta.owned(foreman, ForemanNames.of(foreman).web(), WebDeployment.COMPONENT);
        String serviceType = "ClusterIP";
        Integer nodePort = null;
        if (type == ExposureType.nodeport || type == ExposureType.loadbalancer) {
            serviceType = type == ExposureType.nodeport ? "NodePort" : "LoadBalancer";
            nodePort = ingress.getNodeportPort();
            ManagedMetadata.addUserAnnotations(metadata, ingress.getAnnotations());
        }
        return ClusterServices.of(
                metadata,
                ForemanMeta.selector(foreman, WebDeployment.COMPONENT),
                PORT_NAME,
                ForemanInputsResolver.WEB_PORT,
                serviceType,
                nodePort);
    }

    /** The Ingress of type ingress: every path of ingress.host to the web Service, TLS with tls_secret. */
    public static Ingress ingress(Foreman foreman) {
        IngressSpec spec = foreman.getSpec().getIngress();
        ForemanNames names = ForemanNames.of(foreman);
        ObjectMeta metadata = ForemanMeta.owned(foreman, names.ingress(), "ingress");
        ManagedMetadata.addUserAnnotations(metadata, spec.getAnnotations());
        return Ingresses.toService(
                metadata, spec.getClassName(), spec.getHost(), spec.getTlsSecret(), names.web(), PORT_NAME);
    }

    public static GenericKubernetesResource route(Foreman foreman) {
        IngressSpec spec = foreman.getSpec().getIngress();
        ForemanNames names = ForemanNames.of(foreman);
        ObjectMeta metadata = ForemanMeta.owned(foreman, names.ingress(), "route");
        ManagedMetadata.addUserAnnotations(metadata, spec.getAnnotations());
        return OpenShiftRoutes.edge(metadata, spec.getHost(), "/", names.web(), PORT_NAME);
    }
}
