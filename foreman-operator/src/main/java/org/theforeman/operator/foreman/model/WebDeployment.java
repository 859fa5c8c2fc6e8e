package org.theforeman.operator.foreman.model;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HTTPGetActionBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;
import java.util.Objects;
import org.theforeman.operator.api.v1alpha1.ComponentSpec;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.common.resources.ManagedMetadata;
import org.theforeman.operator.common.resources.RolloutStrategies;
import org.theforeman.operator.foreman.ForemanInputs;
import org.theforeman.operator.foreman.ForemanInputsResolver;
import org.theforeman.operator.foreman.ForemanNames;
import org.theforeman.operator.foreman.Release;

/**
 * Foreman's web (puma) pods: spec.replicas of them, rolled with maxUnavailable 0 so the old pods serve
 * until new ones are ready. Probes ask the unauthenticated {@value #PING} (the authenticated
 * /api/v2/status would answer 401), with a Host header Foreman accepts and X-Forwarded-Proto https so that
 * neither host authorization nor require_ssl turns the probe away.
 */
public final class WebDeployment {
    public static final String COMPONENT = "web";
    public static final String PING = "/api/v2/ping";

    private WebDeployment() {}

    public static int replicas(Foreman foreman) {
        return Objects.requireNonNullElse(foreman.getSpec().getReplicas(), 1);
    }

    public static Deployment desired(Foreman foreman, ForemanInputs inputs, Release release, String configHash) {
        ForemanNames names = ForemanNames.of(foreman);
        ComponentSpec settings = Objects.requireNonNullElseGet(foreman.getSpec().getWeb(), ComponentSpec::new);
        List<String> command = List.of(
                ForemanPods.HOME + "/bin/rails", "server", "--environment", "production", "--pid", "/tmp/rails.pid");
        Container base = ForemanPods.container(
                foreman,
                inputs,
                release,
                COMPONENT,
                settings,
                command,
                List.of(
                        ForemanPods.plain("FOREMAN_BIND", "0.0.0.0"),
                        ForemanPods.plain("FOREMAN_PORT", Integer.toString(ForemanInputsResolver.WEB_PORT)),
                        ForemanPods.plain(
                                "FOREMAN_PUMA_WORKERS",
                                Integer.toString(PumaSizing.workers(settings.getResourceRequirements()))),
                        ForemanPods.plain("FOREMAN_PUMA_THREADS_MIN", Integer.toString(PumaSizing.THREADS)),
                        ForemanPods.plain("FOREMAN_PUMA_THREADS_MAX", Integer.toString(PumaSizing.THREADS))),
                false);
        Container web = new ContainerBuilder(base)
                .addNewPort()
                .withName("http")
                .withContainerPort(ForemanInputsResolver.WEB_PORT)
                .endPort()
                // Rails boots and loads plugins for a minute or more: the startup probe covers that.
                .withNewStartupProbe()
                .withHttpGet(ping(names))
                .withPeriodSeconds(5)
                .withFailureThreshold(120)
                .endStartupProbe()
                .withNewReadinessProbe()
                .withHttpGet(ping(names))
                .withPeriodSeconds(10)
                .withTimeoutSeconds(5)
                .endReadinessProbe()
                // Liveness only asks whether puma accepts connections: a database outage must not restart it.
                .withNewLivenessProbe()
                .withNewTcpSocket()
                .withPort(new IntOrString("http"))
                .endTcpSocket()
                .withPeriodSeconds(20)
                .withFailureThreshold(6)
                .endLivenessProbe()
                .build();
        ObjectMeta metadata = ForemanMeta.owned(foreman, names.web(), COMPONENT);
        ManagedMetadata.addUserAnnotations(metadata, settings.getDeploymentAnnotations());
        return new DeploymentBuilder()
                .withMetadata(metadata)
                .withNewSpec()
                .withReplicas(replicas(foreman))
                .withNewSelector()
                .withMatchLabels(ForemanMeta.selector(foreman, COMPONENT))
                .endSelector()
                .withStrategy(RolloutStrategies.withoutUnavailability())
                .withTemplate(ForemanPods.template(foreman, inputs, COMPONENT, settings, web, configHash, false))
                .endSpec()
                .build();
    }

    static HTTPGetAction ping(ForemanNames names) {
        return new HTTPGetActionBuilder()
                .withPath(PING)
                .withPort(new IntOrString("http"))
                .addNewHttpHeader("Host", names.web())
                .addNewHttpHeader("X-Forwarded-Proto", "https")
                .build();
    }
}
