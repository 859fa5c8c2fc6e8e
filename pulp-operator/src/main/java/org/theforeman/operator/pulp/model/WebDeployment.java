package org.theforeman.operator.pulp.model;

import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.ComponentSpec;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.api.v1alpha1.PulpSpec;
import org.theforeman.operator.common.resources.ConfigHash;
import org.theforeman.operator.common.resources.RolloutStrategies;
import org.theforeman.operator.common.resources.StandardLabels;
import org.theforeman.operator.pulp.PulpInputs;
import org.theforeman.operator.pulp.PulpNames;
import org.theforeman.operator.pulp.PulpPods;

/**
 * The optional web reverse proxy (image_web, nginx) on port 8080, deployed when spec.web is set, with
 * the operator's own configuration ({@link WebConfigMap}); unprivileged, its writable paths in /tmp.
 */
public final class WebDeployment {
    public static final String COMPONENT = "web";
    static final long NGINX_UID = 1001L;

    private WebDeployment() {}

    public static Deployment desired(Pulp pulp, PulpInputs inputs) {
        PulpSpec spec = pulp.getSpec();
        ComponentSpec settings = spec.getWeb() == null ? new ComponentSpec() : spec.getWeb();
        PulpNames names = PulpNames.of(pulp);
        Map<String, String> selector = StandardLabels.selector(pulp, PulpNames.APPLICATION, COMPONENT);
        String image = settings.getImage() != null
                ? settings.getImage()
                : (spec.getImageWeb() == null ? "quay.io/pulp/pulp-web" : spec.getImageWeb()) + ":"
                        + (spec.getImageWebVersion() == null ? PulpSpec.DEFAULT_VERSION : spec.getImageWebVersion());
        var probe = new ProbeBuilder()
                .withNewHttpGet()
                .withPath("/healthz")
                .withNewPort(WebConfigMap.PORT)
                .endHttpGet()
                .withPeriodSeconds(10)
                .build();
        return new DeploymentBuilder()
                .withMetadata(PulpMeta.owned(pulp, names.web(), COMPONENT))
                .withNewSpec()
                .withReplicas(
                        settings.getHpa() != null
                                ? null
                                : (settings.getReplicas() == null ? 1 : settings.getReplicas()))
                .withNewSelector()
                .withMatchLabels(selector)
                .endSelector()
                .withStrategy(RolloutStrategies.withoutUnavailability())
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(PulpMeta.owned(pulp, names.web(), COMPONENT).getLabels())
                .addToAnnotations(ConfigHash.ANNOTATION, ConfigHash.ofText(WebConfigMap.render(pulp, inputs)))
                .endMetadata()
                .withNewSpec()
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withRunAsUser(NGINX_UID)
                .withRunAsGroup(NGINX_UID)
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .endSecurityContext()
                .withNodeSelector(settings.getNodeSelector())
                .withTolerations(settings.getTolerations())
                .withAffinity(settings.getAffinity())
                .withTopologySpreadConstraints(settings.getTopologySpreadConstraints())
                .addNewContainer()
                .withName(COMPONENT)
                .withImage(image)
                .withCommand("nginx", "-c", "/etc/nginx/pulp/" + WebConfigMap.FILE, "-g", "daemon off;")
                .addNewPort()
                .withName(COMPONENT)
                .withContainerPort(WebConfigMap.PORT)
                .withProtocol("TCP")
                .endPort()
                .withReadinessProbe(probe)
                .withLivenessProbe(probe)
                .withEnv(settings.getEnvVars())
                .withResources(settings.getResourceRequirements())
                .addNewVolumeMount()
                .withName("config")
                .withMountPath("/etc/nginx/pulp")
                .withReadOnly(true)
                .endVolumeMount()
                .addNewVolumeMount()
                .withName("tmp")
                .withMountPath("/tmp")
                .endVolumeMount()
                .withSecurityContext(PulpPods.containerSecurity())
                .endContainer()
                .addNewVolume()
                .withName("config")
                .withNewConfigMap()
                .withName(names.webConfig())
                .endConfigMap()
                .endVolume()
                .addNewVolume()
                .withName("tmp")
                .withNewEmptyDir()
                .endEmptyDir()
                .endVolume()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }
}
