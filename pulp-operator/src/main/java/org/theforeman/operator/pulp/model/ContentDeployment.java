package org.theforeman.operator.pulp.model;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.pulp.PulpComponent;
import org.theforeman.operator.pulp.PulpInputs;
import org.theforeman.operator.pulp.PulpInputsResolver;

/** pulpcore-content: serves artifacts on port 24816 under /pulp/content/. */
public final class ContentDeployment {
    private ContentDeployment() {}

    public static Deployment desired(Pulp pulp, PulpInputs inputs, String image) {
        return desired(pulp, inputs, image, inputs.podConfigHash());
    }

    /** @param configHash the settings the pods run: the wanted ones once migrated */
    public static Deployment desired(Pulp pulp, PulpInputs inputs, String image, String configHash) {
        int port = PulpComponent.CONTENT.port();
        return PulpDeployment.desired(
                pulp,
                inputs,
                PulpComponent.CONTENT,
                image,
                configHash,
                List.of("pulpcore-content", "--bind", "0.0.0.0:" + port, "--workers", "2", "--access-logfile", "-"),
                // The probes follow a custom CONTENT_PATH_PREFIX: the content app answers 404 outside it.
                PulpDeployment.httpProbe(PulpInputsResolver.contentPath(inputs), port, 10, 3, 5),
                PulpDeployment.httpProbe(PulpInputsResolver.contentPath(inputs), port, 20, 6, 60));
    }
}
