package org.theforeman.operator.pulp.model;

import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.util.List;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.api.v1alpha1.PulpSpec;
import org.theforeman.operator.common.resources.ManagedMetadata;
import org.theforeman.operator.pulp.PulpComponent;
import org.theforeman.operator.pulp.PulpInputs;
import org.theforeman.operator.pulp.PulpInputsResolver;
import org.theforeman.operator.pulp.PulpNames;

/**
 * The Ingress of ingress_type ingress: everything to the web proxy when there is one, else /pulp/api/ to
 * the API and the content path to the content app.
 */
public final class PulpIngress {
    private PulpIngress() {}

    public static Ingress desired(Pulp pulp, PulpInputs inputs) {
        PulpSpec spec = pulp.getSpec();
        PulpNames names = PulpNames.of(pulp);
        var metadata = PulpMeta.owned(pulp, names.ingress(), "ingress");
        ManagedMetadata.addUserAnnotations(metadata, spec.getIngressAnnotations());
        IngressBuilder ingress = new IngressBuilder()
                .withMetadata(metadata)
                .withNewSpec()
                .withIngressClassName(spec.getIngressClassName())
                .addNewRule()
                .withHost(spec.getIngressHost())
                .withNewHttp()
                .withPaths(
                        spec.getWeb() != null
                                ? List.of(path("/", names.web(), WebConfigMap.PORT))
                                : List.of(
                                        path(
                                                "/pulp/api/",
                                                names.component(PulpComponent.API),
                                                PulpComponent.API.port()),
                                        path(
                                                PulpInputsResolver.contentPath(inputs),
                                                names.component(PulpComponent.CONTENT),
                                                PulpComponent.CONTENT.port())))
                .endHttp()
                .endRule()
                .endSpec();
        if (spec.getIngressTlsSecret() != null) {
            ingress.editSpec()
                    .addNewTl()
                    .withHosts(spec.getIngressHost())
                    .withSecretName(spec.getIngressTlsSecret())
                    .endTl()
                    .endSpec();
        }
        return ingress.build();
    }

    private static HTTPIngressPath path(String path, String service, int port) {
        return new HTTPIngressPathBuilder()
                .withPath(path)
                .withPathType("Prefix")
                .withNewBackend()
                .withNewService()
                .withName(service)
                .withNewPort()
                .withNumber(port)
                .endPort()
                .endService()
                .endBackend()
                .build();
    }
}
