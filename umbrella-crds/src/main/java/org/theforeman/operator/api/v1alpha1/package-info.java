/**
 * The suite's API, group {@code app.theforeman.org}, version {@code v1alpha1}: the {@link
 * org.theforeman.operator.api.v1alpha1.Foreman}, {@link org.theforeman.operator.api.v1alpha1.SmartProxy}
 * and {@link org.theforeman.operator.api.v1alpha1.Pulp} kinds. Spec fields are snake_case on the wire.
 * The CRD YAML is generated from these classes at build time.
 */
package org.theforeman.operator.api.v1alpha1;
