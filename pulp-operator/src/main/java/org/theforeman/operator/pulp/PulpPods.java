package org.theforeman.operator.pulp;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.List;
import org.theforeman.operator.api.v1alpha1.ComponentSpec;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.api.v1alpha1.PulpSpec;
import org.theforeman.operator.common.resources.ComponentPods;
import org.theforeman.operator.common.resources.ConfigHash;
import org.theforeman.operator.common.resources.PodSecurity;

/**
 * What every pulpcore container shares (api, content, worker and the migration Job): environment from
 * Secrets, the settings file, the encryption key, the artifact volume and a restricted security context.
 */
public final class PulpPods {
    /** On the pod template: the storage backend the pods' volumes and environment are made for. */
    public static final String STORAGE_ANNOTATION = "app.theforeman.org/storage";
    /** uid and gid of the pulp user in the pulp-minimal image. */
    public static final long PULP_UID = 700L;

    public static final int REDIS_PORT = 6379;

    private PulpPods() {}

    /**
     * Hash of everything the pods read besides the image (the settings file, the user Secrets' data, the
     * environment): a change of it, and only it, rolls them. Computed once per reconcile by the resolver.
     */
    static String configHash(Pulp pulp, PulpInputs inputs, String settings) {
        return ConfigHash.of(settings, inputs.referencedDataDigest(), env(pulp, inputs));
    }

    public static Container container(
            Pulp pulp, PulpInputs inputs, String name, ComponentSpec settings, List<String> command) {
        List<EnvVar> env = new ArrayList<>(env(pulp, inputs));
        if (settings.getEnvVars() != null) {
            env.addAll(settings.getEnvVars());
        }
        return new ContainerBuilder()
                .withName(name)
                .withImage(settings.getImage() != null ? settings.getImage() : inputs.image())
                .withImagePullPolicy(
                        pulp.getSpec().getImagePullPolicy() == null
                                ? "IfNotPresent"
                                : pulp.getSpec().getImagePullPolicy().name())
                .withCommand(command)
                .withEnv(env)
                .withVolumeMounts(mounts())
                .withResources(settings.getResourceRequirements())
                .withSecurityContext(containerSecurity())
                .build();
    }

    /** The pod spec around {@code containers}, with the component's scheduling settings. */
    public static PodSpecBuilder podSpec(
            Pulp pulp, PulpInputs inputs, ComponentSpec settings, List<Container> containers) {
        PulpSpec spec = pulp.getSpec();
        PodSpecBuilder pod = ComponentPods.scheduled(settings)
                .withInitContainers(prepareData(pulp, containers.get(0).getImage()))
                .withContainers(containers)
                .withVolumes(volumes(pulp, inputs))
                .withSecurityContext(podSecurity());
        if (spec.getImagePullSecrets() != null) {
            pod.withImagePullSecrets(spec.getImagePullSecrets().stream()
                    .map(LocalObjectReference::new)
                    .toList());
        }
        return pod;
    }

    /**
     * Creates the directories pulpcore expects under the data volume. A fresh claim (or emptyDir) hides the
     * image's own /var/lib/pulp, and pulpcore-manager refuses to start without FILE_UPLOAD_TEMP_DIR
     * (files.E001); the content app also changes into WORKING_DIRECTORY at start.
     */
    static Container prepareData(Pulp pulp, String image) {
        String dirs = String.join(
                " ",
                PulpSettings.DATA_DIR + "/tmp",
                PulpSettings.DATA_DIR + "/media",
                PulpSettings.DATA_DIR + "/assets");
        return new ContainerBuilder()
                .withName("prepare-data")
                .withImage(image)
                .withImagePullPolicy(
                        pulp.getSpec().getImagePullPolicy() == null
                                ? "IfNotPresent"
                                : pulp.getSpec().getImagePullPolicy().name())
                .withCommand("/bin/sh", "-c", "mkdir -p " + dirs)
                .withVolumeMounts(new VolumeMountBuilder()
                        .withName("data")
                        .withMountPath(PulpSettings.DATA_DIR)
                        .build())
                .withSecurityContext(containerSecurity())
                .build();
    }

    static List<EnvVar> env(Pulp pulp, PulpInputs inputs) {
        List<EnvVar> env = new ArrayList<>();
        env.add(new EnvVarBuilder()
                .withName("PULP_SETTINGS")
                .withValue(PulpSettings.PATH)
                .build());
        for (String key : PulpInputsResolver.DATABASE_KEYS) {
            env.add(fromSecret(key, inputs.databaseSecret(), key, false));
        }
        env.add(fromSecret("POSTGRES_SSLMODE", inputs.databaseSecret(), "POSTGRES_SSLMODE", true));
        env.add(fromSecret(
                PulpSettings.SECRET_KEY_ENV, inputs.secretKeySecret(), PulpInputsResolver.SECRET_KEY_KEY, false));
        switch (inputs.cache()) {
            case MANAGED -> {
                env.add(new EnvVarBuilder()
                        .withName("REDIS_HOST")
                        .withValue(PulpNames.of(pulp).redis())
                        .build());
                env.add(new EnvVarBuilder()
                        .withName("REDIS_PORT")
                        .withValue(Integer.toString(REDIS_PORT))
                        .build());
            }
            case EXTERNAL -> {
                env.add(fromSecret("REDIS_HOST", inputs.cacheSecret(), "REDIS_HOST", false));
                env.add(fromSecret("REDIS_PORT", inputs.cacheSecret(), "REDIS_PORT", false));
                env.add(fromSecret("REDIS_PASSWORD", inputs.cacheSecret(), "REDIS_PASSWORD", true));
                env.add(fromSecret("REDIS_DB", inputs.cacheSecret(), "REDIS_DB", true));
            }
            default -> {}
        }
        switch (inputs.storage()) {
            case S3 -> {
                env.add(fromSecret("S3_ACCESS_KEY_ID", inputs.storageName(), "s3-access-key-id", false));
                env.add(fromSecret("S3_SECRET_ACCESS_KEY", inputs.storageName(), "s3-secret-access-key", false));
                env.add(fromSecret("S3_BUCKET_NAME", inputs.storageName(), "s3-bucket-name", false));
                env.add(fromSecret("S3_REGION", inputs.storageName(), "s3-region", true));
                env.add(fromSecret("S3_ENDPOINT", inputs.storageName(), "s3-endpoint", true));
                env.add(fromSecret(
                        "S3_CUSTOM_DOMAIN", inputs.storageName(), PulpInputsResolver.S3_CUSTOM_DOMAIN_KEY, true));
            }
            case AZURE -> {
                env.add(fromSecret("AZURE_ACCOUNT_NAME", inputs.storageName(), "azure-account-name", false));
                env.add(fromSecret("AZURE_ACCOUNT_KEY", inputs.storageName(), "azure-account-key", false));
                env.add(fromSecret("AZURE_CONTAINER", inputs.storageName(), "azure-container", false));
                env.add(fromSecret("AZURE_CONTAINER_PATH", inputs.storageName(), "azure-container-path", true));
                env.add(fromSecret("AZURE_CONNECTION_STRING", inputs.storageName(), "azure-connection-string", true));
            }
            default -> {}
        }
        return env;
    }

    public static EnvVar fromSecret(String name, String secret, String key, boolean optional) {
        return new EnvVarBuilder()
                .withName(name)
                .withNewValueFrom()
                .withNewSecretKeyRef(key, secret, optional ? Boolean.TRUE : null)
                .endValueFrom()
                .build();
    }

    static List<VolumeMount> mounts() {
        return List.of(
                new VolumeMountBuilder()
                        .withName("settings")
                        .withMountPath(PulpSettings.PATH)
                        .withSubPath(PulpSettings.FILE)
                        .withReadOnly(true)
                        .build(),
                new VolumeMountBuilder()
                        .withName("keys")
                        .withMountPath(PulpSettings.KEYS_DIR)
                        .withReadOnly(true)
                        .build(),
                new VolumeMountBuilder()
                        .withName("data")
                        .withMountPath(PulpSettings.DATA_DIR)
                        .build());
    }

    static List<Volume> volumes(Pulp pulp, PulpInputs inputs) {
        PulpNames names = PulpNames.of(pulp);
        Volume data = inputs.usesClaim()
                ? new VolumeBuilder()
                        .withName("data")
                        .withNewPersistentVolumeClaim(inputs.storageName(), false)
                        .build()
                // Object storage keeps artifacts remotely; the pod only needs scratch space.
                : new VolumeBuilder()
                        .withName("data")
                        .withNewEmptyDir()
                        .endEmptyDir()
                        .build();
        return List.of(
                new VolumeBuilder()
                        .withName("settings")
                        .withNewConfigMap()
                        .withName(names.settings())
                        .endConfigMap()
                        .build(),
                new VolumeBuilder()
                        .withName("keys")
                        .withNewSecret()
                        .withSecretName(inputs.dbFieldsEncryptionSecret())
                        .addNewItem()
                        .withKey(PulpInputsResolver.DB_FIELDS_KEY)
                        .withPath(PulpInputsResolver.DB_FIELDS_KEY)
                        .endItem()
                        .withDefaultMode(0440)
                        .endSecret()
                        .build(),
                data);
    }

    /** Restricted pod security: non-root, the image's pulp uid, RuntimeDefault seccomp. */
    static PodSecurityContext podSecurity() {
        return PodSecurity.pod(PULP_UID, PULP_UID, PULP_UID);
    }

    public static SecurityContext containerSecurity() {
        return PodSecurity.container();
    }
}
