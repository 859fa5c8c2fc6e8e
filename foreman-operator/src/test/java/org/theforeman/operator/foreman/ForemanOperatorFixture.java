package org.theforeman.operator.foreman;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.common.runtime.OperatorLauncher;
import org.theforeman.operator.common.runtime.OperatorSettings;
import org.theforeman.operator.common.status.Conditions;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.InstallBundle;
import org.theforeman.operator.e2e.harness.RepositoryLayout;

/**
 * The Foreman operator in-process for a test namespace, installed from its bundle and acting with its
 * ServiceAccount's token (leader election on), plus the reads the tests share.
 */
final class ForemanOperatorFixture implements AutoCloseable {
    final KubernetesClient admin;
    final String namespace;
    final OperatorLauncher.RunningOperator operator;

    private ForemanOperatorFixture(
            KubernetesClient admin, String namespace, OperatorLauncher.RunningOperator operator) {
        this.admin = admin;
        this.namespace = namespace;
        this.operator = operator;
    }

    static ForemanOperatorFixture start(ControlPlane plane, String namespace) {
        // All three kinds: a Foreman with plugins watches its child Pulp and SmartProxy.
        plane.applyCrds(RepositoryLayout.root().resolve("install/crds"));
        InstallBundle.applyAccess(plane.admin(), "install/" + ForemanOperator.NAME + ".yaml", namespace);
        var config = plane.configFor(namespace, ForemanOperator.NAME);
        var settings = new OperatorSettings(
                Optional.empty(), 0, namespace, true, Optional.of(namespace), Optional.of("foreman-operator-it"));
        return new ForemanOperatorFixture(
                plane.admin(),
                namespace,
                OperatorLauncher.launch(ForemanOperator.NAME, settings, config, ForemanOperator::registrations));
    }

    Resource<Foreman> foreman(String name) {
        return admin.resources(Foreman.class).inNamespace(namespace).withName(name);
    }

    Foreman create(String yaml) {
        Foreman foreman = Serialization.unmarshal(yaml, Foreman.class);
        foreman.getMetadata().setNamespace(namespace);
        return admin.resource(foreman).create();
    }

    /** The condition of that type in the Foreman's status, or null. */
    Condition condition(String name, String type) {
        Foreman current = foreman(name).get();
        return current == null || current.getStatus() == null
                ? null
                : Conditions.find(current.getStatus().getConditions(), type).orElse(null);
    }

    /** Waits for Ready=True at the Foreman's current generation. */
    void awaitReady(String name, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            Foreman current = foreman(name).get();
            Condition ready = condition(name, "Ready");
            return ready != null
                    && "True".equals(ready.getStatus())
                    && ready.getObservedGeneration()
                            .equals(current.getMetadata().getGeneration());
        });
    }

    Deployment deployment(String name) {
        return admin.apps().deployments().inNamespace(namespace).withName(name).get();
    }

    /** The ReplicaSets a Deployment owns, oldest first. */
    List<ReplicaSet> replicaSets(String deployment) {
        return admin.apps().replicaSets().inNamespace(namespace).list().getItems().stream()
                .filter(rs -> rs.getMetadata().getOwnerReferences().stream()
                        .anyMatch(o -> o.getName().equals(deployment)))
                .sorted((a, b) -> a.getMetadata()
                        .getCreationTimestamp()
                        .compareTo(b.getMetadata().getCreationTimestamp()))
                .toList();
    }

    @Override
    public void close() {
        operator.close();
    }
}
