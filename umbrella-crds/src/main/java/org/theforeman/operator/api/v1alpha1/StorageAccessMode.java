package org.theforeman.operator.api.v1alpha1;

/** Access modes of a PersistentVolumeClaim. */
public enum StorageAccessMode {
    ReadWriteOnce,
    ReadWriteMany,
    ReadWriteOncePod
}
