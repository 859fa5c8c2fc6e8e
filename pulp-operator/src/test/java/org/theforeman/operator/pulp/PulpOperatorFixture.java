package org.theforeman.operator.pulp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.runtime.OperatorLauncher;
import org.theforeman.operator.common.runtime.OperatorSettings;
import org.theforeman.operator.common.status.Conditions;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.InstallBundle;
import org.theforeman.operator.e2e.harness.RepositoryLayout;

/**
 * The Pulp operator in-process for a test namespace, as its install bundle sets it up: CRD, its
 * ServiceAccount, Role and RoleBinding, and the operator acting with that account's token (with leader
 * election on), so that every call it makes is checked against that Role. Shared with the e2e module
 * through this module's test jar.
 */
public final class PulpOperatorFixture implements AutoCloseable {
    private final KubernetesClient admin;
    private final String namespace;
    private final OperatorLauncher.RunningOperator operator;

    private PulpOperatorFixture(KubernetesClient admin, String namespace, OperatorLauncher.RunningOperator operator) {
        this.admin = admin;
        this.namespace = namespace;
        this.operator = operator;
    }

    public static PulpOperatorFixture start(ControlPlane plane, String namespace, String identity) throws IOException {
        plane.applyCrds(RepositoryLayout.root().resolve("install/crds/pulps.app.theforeman.org-v1.yml"));
        InstallBundle.applyAccess(plane.admin(), "install/" + PulpOperator.NAME + ".yaml", namespace);
        var config = plane.configFor(namespace, PulpOperator.NAME);
        OperatorSettings settings = new OperatorSettings(
                Optional.empty(), 0, namespace, true, Optional.of(namespace), Optional.of(identity));
        return new PulpOperatorFixture(
                plane.admin(),
                namespace,
                OperatorLauncher.launch(PulpOperator.NAME, settings, config, PulpOperator::registrations));
    }

    public OperatorLauncher.RunningOperator operator() {
        return operator;
    }

    public Resource<Pulp> pulp(String name) {
        return admin.resources(Pulp.class).inNamespace(namespace).withName(name);
    }

    public Pulp create(String yaml) {
        Pulp pulp = Serialization.unmarshal(yaml, Pulp.class);
        pulp.getMetadata().setNamespace(namespace);
        return admin.resource(pulp).create();
    }

    /** The condition of that type in the Pulp's status, or null. */
    public Condition condition(String name, String type) {
        Pulp current = pulp(name).get();
        if (current == null || current.getStatus() == null) {
            return null;
        }
        return Conditions.find(current.getStatus().getConditions(), type).orElse(null);
    }

    /** Ready=True for the Pulp's current generation. */
    public void awaitReady(String name, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Pulp current = pulp(name).get();
            Condition ready = condition(name, "Ready");
            assertThat(ready).as("Ready of %s: %s", name, current.getStatus()).isNotNull();
            assertThat(ready.getStatus())
                    .as("Ready of %s: %s", name, ready.getMessage())
                    .isEqualTo("True");
            assertThat(ready.getObservedGeneration())
                    .isEqualTo(current.getMetadata().getGeneration());
        });
    }

    @Override
    public void close() {
        operator.close();
    }
}
