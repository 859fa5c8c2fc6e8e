package org.theforeman.operator.common.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.common.apply.ResourceApplier;
import org.theforeman.operator.common.apply.ResourceApplier.Outcome;
import org.theforeman.operator.e2e.harness.ControlPlane;
import org.theforeman.operator.e2e.harness.TestNamespace;
import org.theforeman.operator.e2e.harness.WithControlPlane;

/**
 * Generated values are never replaced, whatever the operator's view of the Secret: a view that lags (the
 * Secret not seen, or seen before a change) meets the API server's 409 and the values there are kept.
 */
@WithControlPlane
class WriteOnceSecretIT {
    private static Secret secret(String namespace, String name, Map<String, String> values) {
        var builder = new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .withLabels(Map.of("app.kubernetes.io/managed-by", "test-operator"))
                .endMetadata();
        values.forEach((key, value) -> builder.addToData(key, GeneratedSecrets.encode(value)));
        return builder.build();
    }

    private static Map<String, String> stored(KubernetesClient admin, String namespace, String name) {
        return admin.secrets().inNamespace(namespace).withName(name).get().getData();
    }

    @Test
    void aMissingSecretIsCreatedAndThenLeftAlone(ControlPlane plane, TestNamespace namespace) {
        KubernetesClient admin = plane.admin();
        ResourceApplier applier = new ResourceApplier(admin, "test-operator");
        Secret desired = secret(namespace.name(), "created", Map.of("password", "generated-1"));

        var created = WriteOnceSecret.writeThrough(applier, desired, null);
        assertThat(created.outcome()).isEqualTo(Outcome.CREATED);
        var again = WriteOnceSecret.writeThrough(
                applier, secret(namespace.name(), "created", Map.of("password", "generated-2")), created.secret());
        assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(stored(admin, namespace.name(), "created"))
                .containsEntry("password", GeneratedSecrets.encode("generated-1"))
                .hasSize(1);
    }

    @Test
    void aCreateThatMeetsAnExistingSecretKeepsItsValues(ControlPlane plane, TestNamespace namespace) {
        KubernetesClient admin = plane.admin();
        admin.resource(secret(namespace.name(), "made-meanwhile", Map.of("password", "made-meanwhile")))
                .create();
        ResourceApplier applier = new ResourceApplier(admin, "test-operator");

        // The operator did not see the Secret (its view lags): the create meets 409 AlreadyExists.
        var written = WriteOnceSecret.writeThrough(
                applier,
                secret(namespace.name(), "made-meanwhile", Map.of("password", "generated", "secret_key", "key")),
                null);

        assertThat(written.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(stored(admin, namespace.name(), "made-meanwhile"))
                .containsEntry("password", GeneratedSecrets.encode("made-meanwhile"))
                .containsEntry("secret_key", GeneratedSecrets.encode("key"));
        assertThat(written.secret().getData()).isEqualTo(stored(admin, namespace.name(), "made-meanwhile"));
    }

    @Test
    void aValueChangedSinceTheReadIsNotOverwritten(ControlPlane plane, TestNamespace namespace) {
        KubernetesClient admin = plane.admin();
        Secret read = admin.resource(secret(namespace.name(), "changed-since", Map.of("password", "first")))
                .create();
        admin.secrets()
                .inNamespace(namespace.name())
                .withName("changed-since")
                .edit(s -> new SecretBuilder(s)
                        .addToData("password", GeneratedSecrets.encode("changed-by-user"))
                        .build());
        ResourceApplier applier = new ResourceApplier(admin, "test-operator");

        // Written from the older read: the resourceVersion precondition fails, the Secret is read again.
        var written = WriteOnceSecret.writeThrough(
                applier,
                secret(namespace.name(), "changed-since", Map.of("password", "generated", "secret_key", "key")),
                read);

        assertThat(written.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(stored(admin, namespace.name(), "changed-since"))
                .containsEntry("password", GeneratedSecrets.encode("changed-by-user"))
                .containsEntry("secret_key", GeneratedSecrets.encode("key"));
    }
}
