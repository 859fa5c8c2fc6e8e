package org.theforeman.operator.api.v1alpha1;

/** What happens to data (PVCs, generated credentials) when the resource is deleted. */
public enum DeletionPolicy {
    /** Keep the data; re-creating a resource of the same name reattaches it. The default. */
    Retain,
    /** Delete the data with the resource. */
    Delete
}
