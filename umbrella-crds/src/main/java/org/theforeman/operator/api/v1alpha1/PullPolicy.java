package org.theforeman.operator.api.v1alpha1;

/** Kubernetes image pull policies. */
public enum PullPolicy {
    Always,
    IfNotPresent,
    Never
}
