package org.theforeman.operator.pulp.components;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.theforeman.operator.api.v1alpha1.ConditionTypes.PulpConditions;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.common.workload.DeploymentReadiness;
import org.theforeman.operator.pulp.PulpInputs;
import org.theforeman.operator.pulp.PulpNames;
import org.theforeman.operator.pulp.model.WebConfigMap;
import org.theforeman.operator.pulp.model.WebDeployment;
import org.theforeman.operator.pulp.model.WebService;

/** The optional nginx reverse proxy in front of api and content: deployed while spec.web is set. */
public final class WebProxy {
    private WebProxy() {}

    /** @return WebReady, or null when spec.web is unset (and everything of the proxy removed) */
    public static ComponentState reconcile(ManagedObjects<Pulp> objects, PulpInputs inputs) {
        Pulp pulp = objects.primary();
        PulpNames names = PulpNames.of(pulp);
        boolean wanted = pulp.getSpec().getWeb() != null;
        objects.reconcile(ConfigMap.class, names.webConfig(), wanted ? WebConfigMap.desired(pulp, inputs) : null);
        objects.reconcile(Service.class, names.web(), wanted ? WebService.desired(pulp) : null);
        Deployment deployment =
                objects.reconcile(Deployment.class, names.web(), wanted ? WebDeployment.desired(pulp, inputs) : null);
        return deployment == null
                ? null
                : DeploymentReadiness.of(PulpConditions.WEB_READY, deployment, DeploymentReadiness.image(deployment));
    }
}
