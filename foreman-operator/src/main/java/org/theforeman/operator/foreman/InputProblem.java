package org.theforeman.operator.foreman;

/** Input the schema cannot check (a Secret or a key missing), reported as a condition naming it. */
public record InputProblem(String condition, String reason, String message) {}
