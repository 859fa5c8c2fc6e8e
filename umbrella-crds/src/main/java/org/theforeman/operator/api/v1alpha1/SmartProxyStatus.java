package org.theforeman.operator.api.v1alpha1;

/** Observed state of a {@link SmartProxy}. */
public class SmartProxyStatus extends SuiteStatus {}
