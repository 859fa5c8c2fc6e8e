package org.theforeman.operator.foreman;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.api.v1alpha1.ForemanStatus;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.reconcile.StatusUpdates;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.common.workload.DeploymentReadiness;
import org.theforeman.operator.foreman.components.Migration;
import org.theforeman.operator.foreman.model.ChildResources;
import org.theforeman.operator.foreman.model.DynflowDeployment;
import org.theforeman.operator.foreman.model.ForemanMeta;
import org.theforeman.operator.foreman.model.KatelloNames;
import org.theforeman.operator.foreman.model.WebDeployment;

/**
 * The status a Foreman should carry: conditions, and what a user or a SmartProxy looks up (URLs, the
 * credentials and admin Secrets, the running release, pods per component, the scale subresource's
 * replicas and selector).
 */
final class ForemanStatusView {
    private ForemanStatusView() {}

    /** While input blocks reconciliation: the new conditions, and the facts observed before. */
    static ForemanStatus blocked(Foreman foreman, List<ComponentState> problems, Instant now) {
        ForemanStatus conditions = StatusUpdates.desired(foreman, ForemanStatus::new, problems, now);
        ForemanStatus status = foreman.getStatus() == null ? conditions : Serialization.clone(foreman.getStatus());
        status.setObservedGeneration(conditions.getObservedGeneration());
        status.setConditions(conditions.getConditions());
        return status;
    }

    static ForemanStatus of(
            ManagedObjects<Foreman> objects, ForemanInputs inputs, List<ComponentState> components, Instant now) {
        ForemanStatus status = StatusUpdates.desired(objects.primary(), ForemanStatus::new, components, now);
        status.setUrl(inputs.endpoint().url());
        Foreman foreman = objects.primary();
        ForemanNames names = ForemanNames.of(foreman);
        status.setInternalUrl(inputs.endpoint().internalUrl());
        status.setCredentialsSecret(names.oauthSecret());
        status.setAdminSecret(inputs.admin().statusSecret());
        Release running = Migration.runningRelease(objects);
        if (running != null) {
            status.setImage(running.image());
            status.setVersion(running.version());
            status.setPlugins(running.plugins());
        }
        Deployment web = objects.cached(Deployment.class, names.web());
        status.setReplicas(
                web == null || web.getStatus() == null
                        ? 0
                        : orZero(web.getStatus().getReplicas()));
        status.setSelector(selector(foreman));
        status.setWebPods(DeploymentReadiness.readyPods(web) + "/" + WebDeployment.replicas(foreman));
        int ready = 0;
        int wanted = 0;
        for (DynflowRole role : DynflowRole.values()) {
            ready += DeploymentReadiness.readyPods(objects.cached(Deployment.class, names.dynflow(role)));
            wanted += DynflowDeployment.replicas(foreman, role);
        }
        status.setDynflowPods(ready + "/" + wanted);
        KatelloNames katello = KatelloNames.of(foreman);
        status.setPulp(ChildResources.wantsPulp(foreman) ? katello.pulp() : null);
        status.setSmartProxy(ChildResources.wantsProxy(foreman) ? katello.smartProxy() : null);
        return status;
    }

    /** The web pods' label selector, for the scale subresource (kubectl scale, an HPA). */
    static String selector(Foreman foreman) {
        Map<String, String> labels = ForemanMeta.selector(foreman, WebDeployment.COMPONENT);
        return labels.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
