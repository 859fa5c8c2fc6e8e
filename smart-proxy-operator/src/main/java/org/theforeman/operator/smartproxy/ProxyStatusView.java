package org.theforeman.operator.smartproxy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.theforeman.operator.api.v1alpha1.SmartProxy;
import org.theforeman.operator.api.v1alpha1.SmartProxyStatus;
import org.theforeman.operator.common.reconcile.StatusUpdates;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.common.workload.DeploymentReadiness;
import org.theforeman.operator.smartproxy.components.Registration;

/** The SmartProxy's status from its component states and what it is registered as. */
final class ProxyStatusView {
    private ProxyStatusView() {}

    static SmartProxyStatus of(
            SmartProxy proxy,
            List<ComponentState> states,
            Registration.Record record,
            Deployment deployment,
            String sshPublicKey,
            Instant now) {
        SmartProxyStatus status = StatusUpdates.desired(proxy, SmartProxyStatus::new, states, now);
        SmartProxyStatus previous = proxy.getStatus();
        if (record != null) {
            status.setProxyId(record.id());
            status.setRegisteredName(record.name());
            status.setUrl(record.url());
            status.setForemanUrl(record.foremanUrl());
            status.setFeatures(record.features());
            status.setRegisteredFeatures(record.featuresDigest());
        }
        if (deployment != null) {
            status.setReadyReplicas(DeploymentReadiness.readyPods(deployment));
            status.setImage(DeploymentReadiness.image(deployment));
        } else if (previous != null) {
            status.setReadyReplicas(previous.getReadyReplicas());
            status.setImage(previous.getImage());
        }
        status.setSshPublicKey(
                sshPublicKey != null ? sshPublicKey : previous == null ? null : previous.getSshPublicKey());
        return status;
    }

    /** Bad input: the problems as conditions, everything else as it was. */
    static SmartProxyStatus blocked(SmartProxy proxy, List<ComponentState> problems, Instant now) {
        SmartProxyStatus status = StatusUpdates.desired(proxy, SmartProxyStatus::new, problems, now);
        SmartProxyStatus previous = proxy.getStatus();
        if (previous != null) {
            // Keep the other component conditions as they were: nothing changed meanwhile.
            List<String> reported =
                    problems.stream().map(ComponentState::conditionType).toList();
            var kept = previous.getConditions().stream()
                    .filter(c -> !reported.contains(c.getType())
                            && !List.of("Ready", "Progressing", "Degraded").contains(c.getType()))
                    .toList();
            var merged = new ArrayList<>(kept);
            merged.addAll(status.getConditions());
            status.setConditions(merged);
            status.setProxyId(previous.getProxyId());
            status.setRegisteredName(previous.getRegisteredName());
            status.setUrl(previous.getUrl());
            status.setForemanUrl(previous.getForemanUrl());
            status.setFeatures(previous.getFeatures());
            status.setRegisteredFeatures(previous.getRegisteredFeatures());
            status.setReadyReplicas(previous.getReadyReplicas());
            status.setImage(previous.getImage());
            status.setSshPublicKey(previous.getSshPublicKey());
        }
        return status;
    }
}
