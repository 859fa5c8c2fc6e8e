package org.theforeman.operator.foreman.model;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;
import java.util.Objects;
import org.theforeman.operator.api.v1alpha1.ComponentSpec;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.common.resources.ManagedMetadata;
import org.theforeman.operator.common.resources.RolloutStrategies;
import org.theforeman.operator.foreman.DynflowRole;
import org.theforeman.operator.foreman.ForemanInputs;
import org.theforeman.operator.foreman.ForemanNames;
import org.theforeman.operator.foreman.Release;

/**
 * A dynflow (sidekiq) Deployment of one role, with foremanctl's command. The orchestrator is always one
 * pod and is replaced with Recreate, so two never run at once (a second would only wait on the Redis
 * lock, and a rolling update would leave the new one passive until the old one stops). Workers scale with
 * dynflow_workers; the hosts_queue worker is one pod.
 */
public final class DynflowDeployment {
    static final String SIDEKIQ = "/usr/libexec/foreman/sidekiq-selinux";

    private DynflowDeployment() {}

    public static int replicas(Foreman foreman, DynflowRole role) {
        return role == DynflowRole.WORKER
                ? Objects.requireNonNullElse(foreman.getSpec().getDynflowWorkers(), 1)
                : 1;
    }

    public static Deployment desired(
            Foreman foreman, ForemanInputs inputs, DynflowRole role, Release release, String configHash) {
        ComponentSpec settings = Objects.requireNonNullElseGet(foreman.getSpec().getDynflow(), ComponentSpec::new);
        List<String> command = List.of(
                SIDEKIQ,
                "-e",
                "production",
                "-r",
                "./extras/dynflow-sidekiq.rb",
                "-C",
                DynflowConfigMap.DIR + "/" + role.sidekiq().file());
        Container container =
                ForemanPods.container(foreman, inputs, release, "dynflow", settings, command, List.of(), true);
        ObjectMeta metadata =
                ForemanMeta.owned(foreman, ForemanNames.of(foreman).dynflow(role), role.component());
        ManagedMetadata.addUserAnnotations(metadata, settings.getDeploymentAnnotations());
        return new DeploymentBuilder()
                .withMetadata(metadata)
                .withNewSpec()
                .withReplicas(replicas(foreman, role))
                .withNewSelector()
                .withMatchLabels(ForemanMeta.selector(foreman, role.component()))
                .endSelector()
                .withStrategy(
                        role == DynflowRole.ORCHESTRATOR
                                ? RolloutStrategies.recreate()
                                : RolloutStrategies.withoutUnavailability())
                .withTemplate(
                        ForemanPods.template(foreman, inputs, role.component(), settings, container, configHash, true))
                .endSpec()
                .build();
    }
}
