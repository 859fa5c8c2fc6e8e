package org.theforeman.operator.pulp.model;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.List;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.DatabaseSpec;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.resources.StandardLabels;
import org.theforeman.operator.pulp.PulpNames;
import org.theforeman.operator.pulp.PulpPods;

/**
 * The managed PostgreSQL (sclorg image), one replica with its data on a claim from a volume claim
 * template: such claims outlive the StatefulSet, so deleting the Pulp keeps the database.
 */
public final class PostgresStatefulSet {
    public static final String DEFAULT_IMAGE = "quay.io/sclorg/postgresql-16-c10s:latest";
    public static final String DEFAULT_SIZE = "8Gi";
    public static final String COMPONENT = "database";
    static final String DATA_VOLUME = "postgres-data";

    private PostgresStatefulSet() {}

    public static StatefulSet desired(Pulp pulp) {
        PulpNames names = PulpNames.of(pulp);
        DatabaseSpec database = pulp.getSpec().getDatabase() == null
                ? new DatabaseSpec()
                : pulp.getSpec().getDatabase();
        Map<String, String> selector = StandardLabels.selector(pulp, PulpNames.APPLICATION, COMPONENT);
        String secret = names.managedDatabaseSecret();
        List<EnvVar> env = List.of(
                env("POSTGRESQL_USER", secret, "POSTGRES_USERNAME"),
                env("POSTGRESQL_PASSWORD", secret, "POSTGRES_PASSWORD"),
                env("POSTGRESQL_DATABASE", secret, "POSTGRES_DB_NAME"));
        return new StatefulSetBuilder()
                .withMetadata(PulpMeta.owned(pulp, names.postgres(), COMPONENT))
                .withNewSpec()
                .withReplicas(1)
                .withServiceName(names.postgres())
                .withNewSelector()
                .withMatchLabels(selector)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(PulpMeta.owned(pulp, names.postgres(), COMPONENT).getLabels())
                .endMetadata()
                .withNewSpec()
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withRunAsUser(26L)
                .withFsGroup(26L)
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .endSecurityContext()
                .withNodeSelector(database.getNodeSelector())
                .withTolerations(database.getTolerations())
                .withAffinity(database.getAffinity())
                .addNewContainer()
                .withName("postgres")
                .withImage(database.getPostgresImage() != null ? database.getPostgresImage() : DEFAULT_IMAGE)
                .withEnv(env)
                .addNewPort()
                .withName("postgres")
                .withContainerPort(PostgresService.PORT)
                .endPort()
                .withNewReadinessProbe()
                .withNewTcpSocket()
                .withNewPort(PostgresService.PORT)
                .endTcpSocket()
                .withPeriodSeconds(5)
                .endReadinessProbe()
                .withResources(database.getPostgresResourceRequirements())
                .addNewVolumeMount()
                .withName(DATA_VOLUME)
                .withMountPath("/var/lib/pgsql/data")
                .endVolumeMount()
                .withSecurityContext(PulpPods.containerSecurity())
                .endContainer()
                .endSpec()
                .endTemplate()
                .addNewVolumeClaimTemplate()
                .withNewMetadata()
                .withName(DATA_VOLUME)
                .withLabels(selector)
                .endMetadata()
                .withNewSpec()
                .withAccessModes("ReadWriteOnce")
                .withStorageClassName(database.getPostgresStorageClass())
                .withNewResources()
                .withRequests(Map.of(
                        "storage",
                        new Quantity(
                                database.getPostgresStorageRequirements() != null
                                        ? database.getPostgresStorageRequirements()
                                        : DEFAULT_SIZE)))
                .endResources()
                .endSpec()
                .endVolumeClaimTemplate()
                .endSpec()
                .build();
    }

    private static EnvVar env(String name, String secret, String key) {
        return new EnvVarBuilder()
                .withName(name)
                .withNewValueFrom()
                .withNewSecretKeyRef(key, secret, null)
                .endValueFrom()
                .build();
    }
}
