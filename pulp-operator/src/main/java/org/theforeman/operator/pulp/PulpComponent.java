package org.theforeman.operator.pulp;

import org.theforeman.operator.api.v1alpha1.ComponentSpec;
import org.theforeman.operator.api.v1alpha1.ConditionTypes.PulpConditions;
import org.theforeman.operator.api.v1alpha1.PulpSpec;

/** The long-running parts of a Pulp, each a Deployment with its own condition. */
public enum PulpComponent {
    API("api", PulpConditions.API_READY, 24817),
    CONTENT("content", PulpConditions.CONTENT_READY, 24816),
    WORKER("worker", PulpConditions.WORKER_READY, 0);

    private final String id;
    private final String condition;
    private final int port;

    PulpComponent(String id, String condition, int port) {
        this.id = id;
        this.condition = condition;
        this.port = port;
    }

    public String id() {
        return id;
    }

    public String condition() {
        return condition;
    }

    /** The port it serves on, or 0 for none. */
    public int port() {
        return port;
    }

    /** The spec's settings of this component; never null. */
    public ComponentSpec settings(PulpSpec spec) {
        ComponentSpec settings = switch (this) {
            case API -> spec.getApi();
            case CONTENT -> spec.getContent();
            case WORKER -> spec.getWorker();
        };
        return settings == null ? new ComponentSpec() : settings;
    }

    public int replicas(PulpSpec spec) {
        Integer replicas = settings(spec).getReplicas();
        return replicas == null ? 1 : replicas;
    }
}
