package org.theforeman.operator.smartproxy.model;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.SmartProxy;
import org.theforeman.operator.api.v1alpha1.SmartProxySpec;
import org.theforeman.operator.common.resources.ConfigHash;
import org.theforeman.operator.common.resources.ManagedMetadata;
import org.theforeman.operator.common.resources.RolloutStrategies;
import org.theforeman.operator.common.resources.StandardLabels;
import org.theforeman.operator.common.tls.IssuedCertificate;

/**
 * The proxy pods: the foreman-proxy image as its own user (uid 991), HTTPS on 8443 with probes on that port,
 * the generated configuration and the certificates mounted as files, and the plugin list in
 * FOREMAN_PROXY_ENABLED_PLUGINS. The config-hash annotation rolls the pods when any of that changes.
 */
public final class ProxyDeployment {
    /** uid and gid of the foreman-proxy user of quay.io/foreman/foreman-proxy. */
    public static final long PROXY_UID = 991L;

    public static final String PLUGINS_ENV = "FOREMAN_PROXY_ENABLED_PLUGINS";

    /**
     * What the pods need besides the spec.
     *
     * @param configHash digest of the configuration files and of the mounted certificates and keys
     * @param configKeys the ConfigMap's keys (settings.yml, the feature files, ansible.env)
     * @param foremanCaSecret a Secret whose ca.crt verifies Foreman's certificate, or null
     */
    public record Inputs(
            String configHash, List<String> configKeys, String pluginEnv, boolean sshKey, String foremanCaSecret) {}

    private ProxyDeployment() {}

    public static String image(SmartProxySpec spec) {
        if (spec.getImage() != null) {
            return spec.getImage();
        }
        return SmartProxySpec.IMAGE_REPOSITORY + ":"
                + (spec.getVersion() != null ? spec.getVersion() : SmartProxySpec.DEFAULT_VERSION);
    }

    public static Deployment desired(SmartProxy proxy, Inputs inputs) {
        SmartProxySpec spec = proxy.getSpec();
        ProxyNames names = ProxyNames.of(proxy);
        ObjectMeta metadata = ProxyMeta.owned(proxy, names.proxy(), ProxyNames.COMPONENT);
        Map<String, String> podLabels = StandardLabels.withUserLabels(spec.getPodLabels(), metadata.getLabels());
        ManagedMetadata.addUserAnnotations(metadata, spec.getDeploymentAnnotations());
        List<EnvVar> env = new ArrayList<>();
        env.add(new EnvVar(PLUGINS_ENV, inputs.pluginEnv(), null));
        if (spec.getEnvVars() != null) {
            env.addAll(spec.getEnvVars());
        }
        var container = new ContainerBuilder()
                .withName("foreman-proxy")
                .withImage(image(spec))
                .withEnv(env)
                .addNewPort()
                .withName("https")
                .withContainerPort(ProxyEndpoint.HTTPS_PORT)
                .withProtocol("TCP")
                .endPort()
                // /version answers without a client certificate; the kubelet does not verify the server's.
                .withReadinessProbe(probe(10, 3, 5))
                .withLivenessProbe(probe(20, 6, 30))
                .withResources(spec.getResourceRequirements())
                .withVolumeMounts(mounts(inputs))
                .withNewSecurityContext()
                .withAllowPrivilegeEscalation(false)
                .withRunAsNonRoot(true)
                .withNewCapabilities()
                .withDrop("ALL")
                .endCapabilities()
                .endSecurityContext()
                .build();
        return new DeploymentBuilder()
                .withMetadata(metadata)
                .withNewSpec()
                .withReplicas(spec.getReplicas() == null ? 1 : spec.getReplicas())
                .withNewSelector()
                .withMatchLabels(StandardLabels.selector(proxy, ProxyNames.APPLICATION, ProxyNames.COMPONENT))
                .endSelector()
                .withStrategy(RolloutStrategies.withoutUnavailability())
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(podLabels)
                .addToAnnotations(ConfigHash.ANNOTATION, inputs.configHash())
                .endMetadata()
                .withNewSpec()
                .withContainers(container)
                .withVolumes(volumes(proxy, inputs))
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withNodeSelector(spec.getNodeSelector())
                .withTolerations(spec.getTolerations())
                .withAffinity(spec.getAffinity())
                .withTopologySpreadConstraints(spec.getTopologySpreadConstraints())
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withRunAsUser(PROXY_UID)
                .withRunAsGroup(PROXY_UID)
                .withFsGroup(PROXY_UID)
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .endSecurityContext()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    private static Probe probe(int period, int failureThreshold, int initialDelay) {
        return new ProbeBuilder()
                .withNewHttpGet()
                .withScheme("HTTPS")
                .withPath("/version")
                .withNewPort("https")
                .endHttpGet()
                .withPeriodSeconds(period)
                .withTimeoutSeconds(5)
                .withFailureThreshold(failureThreshold)
                .withInitialDelaySeconds(initialDelay)
                .build();
    }

    static List<VolumeMount> mounts(Inputs inputs) {
        List<VolumeMount> mounts = new ArrayList<>();
        mounts.add(mount(
                "config", ProxySettings.CONFIG_DIR + "/" + ProxySettings.SETTINGS_FILE, ProxySettings.SETTINGS_FILE));
        mounts.add(mount("features", ProxySettings.SETTINGS_DIR, null));
        if (inputs.configKeys().contains(ProxySettings.ANSIBLE_ENV_FILE)) {
            mounts.add(mount(
                    "config",
                    ProxySettings.CONFIG_DIR + "/" + ProxySettings.ANSIBLE_ENV_FILE,
                    ProxySettings.ANSIBLE_ENV_FILE));
        }
        mounts.add(mount("server-tls", ProxySettings.SERVER_TLS_DIR, null));
        mounts.add(mount("client-tls", ProxySettings.CLIENT_TLS_DIR, null));
        if (inputs.foremanCaSecret() != null) {
            mounts.add(mount("foreman-ca", ProxySettings.FOREMAN_CA_DIR, null));
        }
        if (inputs.sshKey()) {
            mounts.add(mount("ssh-key", ProxySettings.SSH_DIR, null));
        }
        return mounts;
    }

    private static VolumeMount mount(String volume, String path, String subPath) {
        return new VolumeMountBuilder()
                .withName(volume)
                .withMountPath(path)
                .withSubPath(subPath)
                .withReadOnly(true)
                .build();
    }

    static List<Volume> volumes(SmartProxy proxy, Inputs inputs) {
        ProxyNames names = ProxyNames.of(proxy);
        List<KeyToPath> featureFiles = inputs.configKeys().stream()
                .filter(key -> key.endsWith(".yml") && !key.equals(ProxySettings.SETTINGS_FILE))
                .map(key -> new KeyToPath(key, null, key))
                .toList();
        List<Volume> volumes = new ArrayList<>();
        volumes.add(new VolumeBuilder()
                .withName("config")
                .withNewConfigMap()
                .withName(names.config())
                .endConfigMap()
                .build());
        volumes.add(new VolumeBuilder()
                .withName("features")
                .withNewConfigMap()
                .withName(names.config())
                .withItems(featureFiles)
                .endConfigMap()
                .build());
        volumes.add(secretVolume(
                "server-tls",
                names.serverTls(),
                List.of(IssuedCertificate.TLS_CRT, IssuedCertificate.TLS_KEY, IssuedCertificate.CA_CRT)));
        volumes.add(secretVolume(
                "client-tls", names.clientTls(), List.of(IssuedCertificate.TLS_CRT, IssuedCertificate.TLS_KEY)));
        if (inputs.foremanCaSecret() != null) {
            // Only ca.crt: the credentials Secret also holds the OAuth secret, which the pods must not see.
            volumes.add(secretVolume("foreman-ca", inputs.foremanCaSecret(), List.of(IssuedCertificate.CA_CRT)));
        }
        if (inputs.sshKey()) {
            volumes.add(secretVolume(
                    "ssh-key", names.sshKey(), List.of(SshKeySecret.PRIVATE_KEY, SshKeySecret.PUBLIC_KEY)));
        }
        return volumes;
    }

    private static Volume secretVolume(String volume, String secret, List<String> keys) {
        return new VolumeBuilder()
                .withName(volume)
                .withNewSecret()
                .withSecretName(secret)
                .withItems(
                        keys.stream().map(key -> new KeyToPath(key, null, key)).toList())
                // Owner root, group 991 through fsGroup: readable by the proxy, not by others (ssh insists).
                .withDefaultMode(0440)
                .endSecret()
                .build();
    }
}
