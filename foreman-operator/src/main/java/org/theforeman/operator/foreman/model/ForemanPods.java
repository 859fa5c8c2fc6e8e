package org.theforeman.operator.foreman.model;

import io.fabric8.kubernetes.api.model.ConfigMapVolumeSource;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.SecretVolumeSource;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.ComponentSpec;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.common.resources.ComponentPods;
import org.theforeman.operator.common.resources.ConfigHash;
import org.theforeman.operator.common.resources.EnvVars;
import org.theforeman.operator.common.resources.PodSecurity;
import org.theforeman.operator.common.resources.StandardLabels;
import org.theforeman.operator.foreman.ForemanInputs;
import org.theforeman.operator.foreman.ForemanInputsResolver;
import org.theforeman.operator.foreman.ForemanNames;
import org.theforeman.operator.foreman.Release;

/**
 * What every Foreman container shares (web, dynflow, cron and the migration Job): the image's foreman
 * user, settings.yaml from the config Secret, DATABASE_URL and ENCRYPTION_KEY from Secrets, the plugin
 * list, and writable run and tmp directories.
 */
public final class ForemanPods {
    /** uid and gid of the foreman user in quay.io/foreman/foreman. */
    public static final long FOREMAN_UID = 994L;
    /** The image's WORKDIR; Rails' tmp/ there points into /var/run/foreman. */
    public static final String HOME = "/usr/share/foreman";

    public static final String PLUGINS_ENV = "FOREMAN_ENABLED_PLUGINS";

    private ForemanPods() {}

    /** The environment of every Foreman process; passwords and keys only as secretKeyRefs. */
    public static List<EnvVar> env(Foreman foreman, ForemanInputs inputs, Release release) {
        String config = ForemanNames.of(foreman).configSecret();
        List<EnvVar> env = new ArrayList<>();
        env.add(fromSecret(ConfigSecret.DATABASE_URL, config, ConfigSecret.DATABASE_URL));
        env.add(fromSecret(
                ForemanInputsResolver.ENCRYPTION_KEY,
                inputs.encryptionKey().secret(),
                inputs.encryptionKey().key()));
        env.add(fromSecret(ConfigSecret.DYNFLOW_REDIS_URL, config, ConfigSecret.DYNFLOW_REDIS_URL));
        env.add(plain("REDIS_PROVIDER", ConfigSecret.DYNFLOW_REDIS_URL));
        env.add(plain(PLUGINS_ENV, release.enabledPlugins()));
        // The same host name as settings.yaml's :fqdn: (Foreman's env settings loader reads it too).
        env.add(plain("FOREMAN_FQDN", inputs.endpoint().fqdn()));
        env.add(plain("RAILS_ENV", "production"));
        env.add(plain("RAILS_LOG_TO_STDOUT", "true"));
        return env;
    }

    /**
     * @param extraEnv the process's own variables, before the user's env_vars (which win)
     * @param dynflowConfig whether to mount the dynflow sidekiq configurations
     */
    public static Container container(
            Foreman foreman,
            ForemanInputs inputs,
            Release release,
            String name,
            ComponentSpec settings,
            List<String> command,
            List<EnvVar> extraEnv,
            boolean dynflowConfig) {
        List<EnvVar> env = new ArrayList<>(env(foreman, inputs, release));
        env.addAll(extraEnv);
        if (settings.getEnvVars() != null) {
            env.addAll(settings.getEnvVars());
        }
        return new ContainerBuilder()
                .withName(name)
                .withImage(release.image())
                .withImagePullPolicy("IfNotPresent")
                .withWorkingDir(HOME)
                .withCommand(command)
                .withEnv(env)
                .withVolumeMounts(withKatello(mounts(inputs, dynflowConfig), release))
                .withResources(settings.getResourceRequirements())
                .withSecurityContext(PodSecurity.container())
                .build();
    }

    /**
     * The pod template around {@code container}, labelled for its component, with the component's
     * scheduling settings and, when given, the config hash that rolls it.
     */
    public static PodTemplateSpec template(
            Foreman foreman,
            ForemanInputs inputs,
            String component,
            ComponentSpec settings,
            Container container,
            String configHash,
            boolean dynflowConfig) {
        Map<String, String> labels = StandardLabels.withUserLabels(
                settings.getPodLabels(),
                ForemanMeta.owned(foreman, "pod", component).getLabels());
        List<Volume> volumes = volumes(foreman, inputs, dynflowConfig);
        if (container.getVolumeMounts().stream().anyMatch(m -> KatelloConfig.VOLUME.equals(m.getName()))) {
            volumes.add(KatelloConfig.volume(foreman));
        }
        PodSpecBuilder pod = ComponentPods.scheduled(settings)
                .withContainers(container)
                .withVolumes(volumes)
                .withSecurityContext(PodSecurity.pod(FOREMAN_UID, FOREMAN_UID, FOREMAN_UID));
        PodTemplateSpecBuilder template = new PodTemplateSpecBuilder()
                .withNewMetadata()
                .withLabels(labels)
                .endMetadata();
        if (configHash != null) {
            template.editMetadata()
                    .addToAnnotations(ConfigHash.ANNOTATION, configHash)
                    .endMetadata();
        }
        return template.withSpec(pod.build()).build();
    }

    /** katello.yaml and its CA, in the pods of a release that loads Katello (they move with the release). */
    private static List<VolumeMount> withKatello(List<VolumeMount> mounts, Release release) {
        if (release.plugins().contains("katello")) {
            mounts.addAll(KatelloConfig.mounts());
        }
        return mounts;
    }

    static List<VolumeMount> mounts(ForemanInputs inputs, boolean dynflowConfig) {
        List<VolumeMount> mounts = new ArrayList<>();
        mounts.add(new VolumeMountBuilder()
                .withName("settings")
                .withMountPath(ForemanSettings.PATH)
                .withSubPath(ForemanSettings.FILE)
                .withReadOnly(true)
                .build());
        mounts.add(mount("run", "/var/run/foreman"));
        mounts.add(mount("tmp", "/tmp"));
        if (dynflowConfig) {
            mounts.add(new VolumeMountBuilder()
                    .withName("dynflow")
                    .withMountPath(DynflowConfigMap.DIR)
                    .withReadOnly(true)
                    .build());
        }
        if (databaseCa(inputs) != null) {
            mounts.add(new VolumeMountBuilder()
                    .withName("db-ca")
                    .withMountPath(ConnectionUrls.DATABASE_CA_PATH.substring(
                            0, ConnectionUrls.DATABASE_CA_PATH.lastIndexOf('/')))
                    .withReadOnly(true)
                    .build());
        }
        return mounts;
    }

    static List<Volume> volumes(Foreman foreman, ForemanInputs inputs, boolean dynflowConfig) {
        ForemanNames names = ForemanNames.of(foreman);
        List<Volume> volumes = new ArrayList<>();
        volumes.add(secretFile("settings", names.configSecret(), ForemanSettings.FILE, 0440));
        volumes.add(emptyDir("run"));
        volumes.add(emptyDir("tmp"));
        if (dynflowConfig) {
            Volume dynflow = new Volume();
            dynflow.setName("dynflow");
            dynflow.setConfigMap(new ConfigMapVolumeSource(null, null, names.dynflowConfig(), null));
            volumes.add(dynflow);
        }
        String ca = databaseCa(inputs);
        if (ca != null) {
            volumes.add(secretFile("db-ca", ca, ForemanInputsResolver.CA_KEY, null));
        }
        return volumes;
    }

    /** A volume with one key of a Secret, as a file of that name. */
    private static Volume secretFile(String volume, String secret, String key, Integer mode) {
        SecretVolumeSource source = new SecretVolumeSource();
        source.setSecretName(secret);
        source.setItems(List.of(new KeyToPath(key, null, key)));
        source.setDefaultMode(mode);
        Volume result = new Volume();
        result.setName(volume);
        result.setSecret(source);
        return result;
    }

    private static String databaseCa(ForemanInputs inputs) {
        return inputs.externalDatabase() == null
                ? null
                : inputs.externalDatabase().caSecret();
    }

    public static EnvVar fromSecret(String name, String secret, String key) {
        return EnvVars.fromSecret(name, secret, key);
    }

    public static EnvVar plain(String name, String value) {
        return EnvVars.plain(name, value);
    }

    private static VolumeMount mount(String name, String path) {
        return new VolumeMountBuilder().withName(name).withMountPath(path).build();
    }

    private static Volume emptyDir(String name) {
        return new VolumeBuilder()
                .withName(name)
                .withNewEmptyDir()
                .endEmptyDir()
                .build();
    }
}
