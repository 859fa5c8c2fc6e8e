package org.theforeman.operator.api.v1alpha1;

/** Observed state of a {@link Foreman}. */
public class ForemanStatus extends SuiteStatus {}
