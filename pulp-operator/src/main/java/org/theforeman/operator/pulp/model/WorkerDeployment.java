package org.theforeman.operator.pulp.model;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.pulp.PulpComponent;
import org.theforeman.operator.pulp.PulpInputs;

/**
 * pulpcore-worker: runs tasks. It serves nothing, so it has no HTTP probe; pulpcore itself reports
 * workers that stop heart-beating as offline in /pulp/api/v3/status/.
 */
public final class WorkerDeployment {
    private WorkerDeployment() {}

    public static Deployment desired(Pulp pulp, PulpInputs inputs, String image) {
        return desired(pulp, inputs, image, inputs.podConfigHash());
    }

    /** @param configHash the settings the pods run: the wanted ones once migrated */
    public static Deployment desired(Pulp pulp, PulpInputs inputs, String image, String configHash) {
        return PulpDeployment.desired(
                pulp, inputs, PulpComponent.WORKER, image, configHash, List.of("pulpcore-worker"), null, null);
    }
}
