package org.theforeman.operator.smartproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.Optional;
import org.theforeman.operator.api.v1alpha1.SmartProxy;
import org.theforeman.operator.common.runtime.OperatorLauncher;
import org.theforeman.operator.common.runtime.OperatorSettings;
import org.theforeman.operator.common.status.Conditions;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.InstallBundle;
import org.theforeman.operator.e2e.harness.RepositoryLayout;

/**
 * The Smart Proxy operator in-process for a test namespace, as its install bundle sets it up: the CRD, its
 * ServiceAccount, Role and RoleBinding, and the operator acting with that account's token (leader election
 * on), so every call it makes is checked against that Role.
 */
public final class SmartProxyOperatorFixture implements AutoCloseable {
    private final KubernetesClient admin;
    private final String namespace;
    private final OperatorLauncher.RunningOperator operator;

    private SmartProxyOperatorFixture(
            KubernetesClient admin, String namespace, OperatorLauncher.RunningOperator operator) {
        this.admin = admin;
        this.namespace = namespace;
        this.operator = operator;
    }

    public static SmartProxyOperatorFixture start(
            ControlPlane plane, String namespace, String identity, SmartProxyOperator.Settings settings) {
        KubernetesClient admin = plane.admin();
        plane.applyCrds(RepositoryLayout.root().resolve("install/crds/smartproxies.app.theforeman.org-v1.yml"));
        plane.applyCrds(RepositoryLayout.root().resolve("install/crds/foremen.app.theforeman.org-v1.yml"));
        InstallBundle.applyAccess(admin, "install/smart-proxy-operator.yaml", namespace);
        OperatorSettings operatorSettings = new OperatorSettings(
                Optional.empty(), 0, namespace, true, Optional.of(namespace), Optional.of(identity));
        return new SmartProxyOperatorFixture(
                admin,
                namespace,
                OperatorLauncher.launch(
                        SmartProxyOperator.NAME,
                        operatorSettings,
                        plane.configFor(namespace, SmartProxyOperator.NAME),
                        client -> SmartProxyOperator.registrations(client, settings)));
    }

    public OperatorLauncher.RunningOperator operator() {
        return operator;
    }

    public Resource<SmartProxy> proxy(String name) {
        return admin.resources(SmartProxy.class).inNamespace(namespace).withName(name);
    }

    public SmartProxy create(String yaml) {
        SmartProxy proxy = Serialization.unmarshal(yaml, SmartProxy.class);
        proxy.getMetadata().setNamespace(namespace);
        return admin.resource(proxy).create();
    }

    /** The condition of that type in the SmartProxy's status, or null. */
    public Condition condition(String name, String type) {
        SmartProxy current = proxy(name).get();
        if (current == null || current.getStatus() == null) {
            return null;
        }
        return Conditions.find(current.getStatus().getConditions(), type).orElse(null);
    }

    /** The condition of that type reaches the status and reason, for the current generation. */
    public Condition awaitCondition(String name, String type, String status, String reason, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            SmartProxy current = proxy(name).get();
            Condition condition = condition(name, type);
            assertThat(condition)
                    .as("%s of %s: %s", type, name, current.getStatus())
                    .isNotNull();
            assertThat(condition.getStatus() + "/" + condition.getReason())
                    .as("%s of %s: %s", type, name, condition.getMessage())
                    .isEqualTo(status + "/" + (reason == null ? condition.getReason() : reason));
            assertThat(condition.getObservedGeneration())
                    .isEqualTo(current.getMetadata().getGeneration());
        });
        return condition(name, type);
    }

    public void awaitReady(String name, Duration timeout) {
        awaitCondition(name, "Ready", "True", null, timeout);
    }

    @Override
    public void close() {
        operator.close();
    }
}
