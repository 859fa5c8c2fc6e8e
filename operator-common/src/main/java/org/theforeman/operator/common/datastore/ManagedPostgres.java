package org.theforeman.operator.common.datastore;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.theforeman.operator.api.v1alpha1.DatabaseSpec;
import org.theforeman.operator.common.resources.EnvVars;
import org.theforeman.operator.common.resources.PodSecurity;

/**
 * A managed PostgreSQL (sclorg image): one replica, its data on a claim from a volume claim template.
 * Such claims outlive the StatefulSet unless {@code deleteClaim} asks the StatefulSet controller to
 * remove them with it, so deleting the owner keeps the database by default. The credentials come from a
 * Secret in the keys of an external database's Secret ({@link #KEYS}), so pods read both the same way.
 */
public final class ManagedPostgres {
    public static final String DEFAULT_IMAGE = "quay.io/sclorg/postgresql-16-c10s:latest";
    public static final String DEFAULT_SIZE = "8Gi";
    public static final String COMPONENT = "database";
    public static final int PORT = 5432;

    public static final String HOST = "POSTGRES_HOST";
    public static final String PORT_KEY = "POSTGRES_PORT";
    public static final String USERNAME = "POSTGRES_USERNAME";
    public static final String PASSWORD = "POSTGRES_PASSWORD";
    public static final String DATABASE = "POSTGRES_DB_NAME";
    public static final String SSLMODE = "POSTGRES_SSLMODE";
    /** The keys every database Secret, managed or external, must have. */
    public static final List<String> KEYS = List.of(HOST, PORT_KEY, USERNAME, PASSWORD, DATABASE);

    static final String DATA_VOLUME = "postgres-data";
    /** uid of the postgres user in the sclorg images. */
    static final long POSTGRES_UID = 26L;

    private ManagedPostgres() {}

    /**
     * @param metadata name, labels and owner of the StatefulSet; its labels also label the pod
     * @param selector the stable labels selecting the pod (and the claim)
     * @param credentialsSecret the Secret with {@link #USERNAME}, {@link #PASSWORD} and {@link #DATABASE}
     * @param deleteClaim whether the claim goes with the StatefulSet (the owner's deletion_policy Delete)
     */
    public static StatefulSet statefulSet(
            ObjectMeta metadata,
            Map<String, String> selector,
            String credentialsSecret,
            DatabaseSpec spec,
            boolean deleteClaim) {
        DatabaseSpec database = Objects.requireNonNullElseGet(spec, DatabaseSpec::new);
        List<EnvVar> env = List.of(
                EnvVars.fromSecret("POSTGRESQL_USER", credentialsSecret, USERNAME),
                EnvVars.fromSecret("POSTGRESQL_PASSWORD", credentialsSecret, PASSWORD),
                EnvVars.fromSecret("POSTGRESQL_DATABASE", credentialsSecret, DATABASE));
        String claimPolicy = deleteClaim ? "Delete" : "Retain";
        return new StatefulSetBuilder()
                .withMetadata(metadata)
                .withNewSpec()
                .withReplicas(1)
                .withServiceName(metadata.getName())
                .withNewPersistentVolumeClaimRetentionPolicy()
                .withWhenDeleted(claimPolicy)
                .withWhenScaled("Retain")
                .endPersistentVolumeClaimRetentionPolicy()
                .withNewSelector()
                .withMatchLabels(selector)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(metadata.getLabels())
                .endMetadata()
                .withNewSpec()
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withSecurityContext(PodSecurity.pod(POSTGRES_UID, null, POSTGRES_UID))
                .withNodeSelector(database.getNodeSelector())
                .withTolerations(database.getTolerations())
                .withAffinity(database.getAffinity())
                .addNewContainer()
                .withName("postgres")
                .withImage(Objects.requireNonNullElse(database.getPostgresImage(), DEFAULT_IMAGE))
                .withEnv(env)
                .addNewPort()
                .withName("postgres")
                .withContainerPort(PORT)
                .endPort()
                .withNewReadinessProbe()
                .withNewTcpSocket()
                .withNewPort(PORT)
                .endTcpSocket()
                .withPeriodSeconds(5)
                .endReadinessProbe()
                .withResources(database.getPostgresResourceRequirements())
                .addNewVolumeMount()
                .withName(DATA_VOLUME)
                .withMountPath("/var/lib/pgsql/data")
                .endVolumeMount()
                .withSecurityContext(PodSecurity.container())
                .endContainer()
                .endSpec()
                .endTemplate()
                // The claim template is an atomic list entry: it spells out what the API server would default
                // (apiVersion, kind, volumeMode, status), so the stored template equals the desired one and a
                // comparison of owned fields does not see drift in it.
                .addNewVolumeClaimTemplate()
                .withApiVersion("v1")
                .withKind("PersistentVolumeClaim")
                .withNewMetadata()
                .withName(DATA_VOLUME)
                .withLabels(selector)
                .endMetadata()
                .withNewStatus()
                .withPhase("Pending")
                .endStatus()
                .withNewSpec()
                .withVolumeMode("Filesystem")
                .withAccessModes("ReadWriteOnce")
                .withStorageClassName(database.getPostgresStorageClass())
                .withNewResources()
                .withRequests(Map.of(
                        "storage",
                        new Quantity(
                                Objects.requireNonNullElse(database.getPostgresStorageRequirements(), DEFAULT_SIZE))))
                .endResources()
                .endSpec()
                .endVolumeClaimTemplate()
                .endSpec()
                .build();
    }

    /** Whether the StatefulSet's one pod is ready (it may not exist yet: null). */
    public static boolean ready(StatefulSet statefulSet) {
        return statefulSet != null
                && statefulSet.getStatus() != null
                && statefulSet.getStatus().getReadyReplicas() != null
                && statefulSet.getStatus().getReadyReplicas() >= 1;
    }

    /** The name of the claim the StatefulSet named {@code statefulSet} creates for its one pod. */
    public static String claimName(String statefulSet) {
        return DATA_VOLUME + "-" + statefulSet + "-0";
    }
}
