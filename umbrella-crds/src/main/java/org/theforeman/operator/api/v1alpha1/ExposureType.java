package org.theforeman.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a service is reachable from outside the cluster (pulp-operator's ingress_type values). */
public enum ExposureType {
    none,
    ingress,
    route,
    nodeport,
    loadbalancer;

    @JsonValue
    public String wireName() {
        return name();
    }
}
