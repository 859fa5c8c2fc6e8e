package org.theforeman.operator.pulp;

/**
 * Input the schema cannot check (a referenced Secret missing, a key missing in it): reported as
 * {@code Ready=False} with this reason and message, and nothing is changed until it is fixed.
 *
 * @param condition the component condition it blocks, e.g. DatabaseReady
 * @param reason CamelCase reason
 * @param message names the object and key, never a value
 */
public record InputProblem(String condition, String reason, String message) {}
