package org.theforeman.operator.pulp.components;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import org.theforeman.operator.api.v1alpha1.ConditionTypes.PulpConditions;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.pulp.PulpInputs;
import org.theforeman.operator.pulp.model.FileStorageClaim;

/**
 * The artifact claim the operator creates (file storage), retained when the Pulp goes. Reports only a
 * problem the user must fix: a claim left Pending because its StorageClass does not exist.
 */
public final class Storage {
    private Storage() {}

    /** @return a StorageReady problem, or null when there is nothing to report */
    public static ComponentState reconcile(ManagedObjects<Pulp> objects, PulpInputs inputs) {
        if (inputs.storage() != PulpInputs.Storage.FILE_CLAIM) {
            return null;
        }
        PersistentVolumeClaim claim = objects.apply(FileStorageClaim.desired(objects.primary()));
        return storageClassProblem(objects, claim);
    }

    /**
     * Reading StorageClasses needs cluster-scoped rights the namespaced Role does not have; the volume
     * binder's events on the claim say the same thing, so they are read instead, and only while a claim
     * with a class is Pending.
     */
    private static ComponentState storageClassProblem(ManagedObjects<Pulp> objects, PersistentVolumeClaim claim) {
        String storageClass = objects.primary().getSpec().getFileStorageStorageClass();
        if (storageClass == null
                || claim == null
                || claim.getStatus() == null
                || !"Pending".equals(claim.getStatus().getPhase())) {
            return null;
        }
        String notFound = "storageclass.storage.k8s.io \"" + storageClass + "\" not found";
        boolean missing = objects
                .client()
                .v1()
                .events()
                .inNamespace(objects.namespace())
                .withField("involvedObject.name", claim.getMetadata().getName())
                .list()
                .getItems()
                .stream()
                .anyMatch(e -> e.getMessage() != null && e.getMessage().contains(notFound));
        return missing
                ? ComponentState.failed(
                        PulpConditions.STORAGE_READY,
                        "StorageClassNotFound",
                        "StorageClass " + storageClass + " (spec.file_storage_storage_class) does not exist;"
                                + " PersistentVolumeClaim "
                                + claim.getMetadata().getName()
                                + " stays Pending. Create the class or change the field (a bound claim keeps"
                                + " its class).")
                : null;
    }
}
