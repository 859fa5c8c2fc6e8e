package org.theforeman.operator.api.v1alpha1;

/** Observed state of a {@link Pulp}. */
public class PulpStatus extends SuiteStatus {}
