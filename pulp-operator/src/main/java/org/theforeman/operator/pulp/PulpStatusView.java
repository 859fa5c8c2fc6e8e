package org.theforeman.operator.pulp;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.api.v1alpha1.PulpStatus;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.reconcile.StatusUpdates;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.common.workload.DeploymentReadiness;
import org.theforeman.operator.pulp.components.Migration;

/** The status a Pulp should carry: its conditions and the facts a user looks up (URLs, image, pods). */
final class PulpStatusView {
    private PulpStatusView() {}

    /** Status while the spec's inputs block reconciliation: new conditions, the facts observed before. */
    static PulpStatus blocked(Pulp pulp, List<ComponentState> problems, Instant now) {
        PulpStatus status = StatusUpdates.desired(pulp, PulpStatus::new, problems, now);
        PulpStatus previous = pulp.getStatus();
        if (previous != null) {
            status.setImage(previous.getImage());
            status.setVersion(previous.getVersion());
            status.setApiUrl(previous.getApiUrl());
            status.setContentOrigin(previous.getContentOrigin());
            status.setAdminPasswordSecret(previous.getAdminPasswordSecret());
            status.setStorageClaim(previous.getStorageClaim());
            status.setReadyPods(previous.getReadyPods());
        }
        return status;
    }

    static PulpStatus of(
            ManagedObjects<Pulp> objects, List<ComponentState> components, PulpInputs inputs, Instant now) {
        Pulp pulp = objects.primary();
        PulpNames names = PulpNames.of(pulp);
        PulpStatus status = StatusUpdates.desired(pulp, PulpStatus::new, components, now);
        String running = Migration.runningImage(objects);
        status.setImage(running);
        status.setVersion(running == null ? null : running.substring(running.lastIndexOf(':') + 1));
        status.setApiUrl("http://" + names.component(PulpComponent.API) + "." + objects.namespace() + ".svc:"
                + PulpComponent.API.port() + "/pulp/api/v3/");
        status.setContentOrigin(inputs.contentOrigin());
        status.setAdminPasswordSecret(inputs.adminPasswordSecret());
        status.setStorageClaim(inputs.usesClaim() ? inputs.storageName() : null);
        List<String> pods = new ArrayList<>();
        for (PulpComponent component : PulpComponent.values()) {
            Deployment deployment = objects.cached(Deployment.class, names.component(component));
            pods.add(component.id() + " " + DeploymentReadiness.readyPods(deployment) + "/"
                    + component.replicas(pulp.getSpec()));
        }
        status.setReadyPods(String.join(", ", pods));
        return status;
    }
}
