package org.theforeman.operator.pulp.model;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.api.v1alpha1.PulpSpec;
import org.theforeman.operator.api.v1alpha1.StorageAccessMode;
import org.theforeman.operator.pulp.PulpNames;

/**
 * The artifact claim. Retained (no owner reference) unless deletion_policy is Delete, and named after
 * the Pulp only, so re-creating a deleted Pulp of the same name finds its artifacts again.
 */
public final class FileStorageClaim {
    public static final String DEFAULT_SIZE = "10Gi";
    public static final String COMPONENT = "storage";

    private FileStorageClaim() {}

    public static PersistentVolumeClaim desired(Pulp pulp) {
        PulpSpec spec = pulp.getSpec();
        StorageAccessMode mode = spec.getFileStorageAccessMode() == null
                ? StorageAccessMode.ReadWriteOnce
                : spec.getFileStorageAccessMode();
        return new PersistentVolumeClaimBuilder()
                .withMetadata(PulpMeta.data(pulp, PulpNames.of(pulp).fileStorageClaim(), COMPONENT))
                .withNewSpec()
                .withAccessModes(mode.name())
                .withStorageClassName(spec.getFileStorageStorageClass())
                .withNewResources()
                .withRequests(Map.of(
                        "storage",
                        new Quantity(spec.getFileStorageSize() != null ? spec.getFileStorageSize() : DEFAULT_SIZE)))
                .endResources()
                .endSpec()
                .build();
    }
}
