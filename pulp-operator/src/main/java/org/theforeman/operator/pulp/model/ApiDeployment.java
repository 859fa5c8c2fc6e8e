package org.theforeman.operator.pulp.model;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.pulp.PulpComponent;
import org.theforeman.operator.pulp.PulpInputs;

/** pulpcore-api: the REST API on port 24817, ready when /pulp/api/v3/status/ answers. */
public final class ApiDeployment {
    public static final String STATUS_PATH = "/pulp/api/v3/status/";

    private ApiDeployment() {}

    public static Deployment desired(Pulp pulp, PulpInputs inputs, String image) {
        return desired(pulp, inputs, image, inputs.podConfigHash());
    }

    /** @param configHash the settings the pods run: the wanted ones once migrated */
    public static Deployment desired(Pulp pulp, PulpInputs inputs, String image, String configHash) {
        int port = PulpComponent.API.port();
        return PulpDeployment.desired(
                pulp,
                inputs,
                PulpComponent.API,
                image,
                configHash,
                List.of("pulpcore-api", "--bind", "0.0.0.0:" + port, "--workers", "2", "--access-logfile", "-"),
                PulpDeployment.httpProbe(STATUS_PATH, port, 10, 3, 5),
                PulpDeployment.httpProbe(STATUS_PATH, port, 20, 6, 60));
    }
}
