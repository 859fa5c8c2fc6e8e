package org.theforeman.operator.e2e.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The API server authorizes with RBAC: a ServiceAccount gets only what a Role grants, where it grants it. */
@WithControlPlane
class RbacIT {

    @Test
    void serviceAccountNeedsARoleAndOnlyGetsItsNamespace(ControlPlane plane, TestNamespace namespace) {
        KubernetesClient admin = plane.admin();
        String ns = namespace.name();
        String other = "rbac-other-" + UUID.randomUUID().toString().substring(0, 8);
        admin.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(other)
                        .endMetadata()
                        .build())
                .create();
        try {
            admin.serviceAccounts()
                    .inNamespace(ns)
                    .resource(new ServiceAccountBuilder()
                            .withNewMetadata()
                            .withName("reader")
                            .endMetadata()
                            .build())
                    .create();

            try (KubernetesClient reader = plane.clientFor(ns, "reader")) {
                assertThatThrownBy(() -> reader.secrets().inNamespace(ns).list())
                        .isInstanceOfSatisfying(
                                KubernetesClientException.class,
                                e -> assertThat(e.getCode()).isEqualTo(403));
            }

            admin.rbac()
                    .roles()
                    .inNamespace(ns)
                    .resource(new RoleBuilder()
                            .withNewMetadata()
                            .withName("secret-reader")
                            .endMetadata()
                            .addNewRule()
                            .withApiGroups("")
                            .withResources("secrets")
                            .withVerbs("get", "list")
                            .endRule()
                            .build())
                    .create();
            admin.rbac()
                    .roleBindings()
                    .inNamespace(ns)
                    .resource(new RoleBindingBuilder()
                            .withNewMetadata()
                            .withName("secret-reader")
                            .endMetadata()
                            .withNewRoleRef()
                            .withApiGroup("rbac.authorization.k8s.io")
                            .withKind("Role")
                            .withName("secret-reader")
                            .endRoleRef()
                            .addNewSubject()
                            .withKind("ServiceAccount")
                            .withName("reader")
                            .withNamespace(ns)
                            .endSubject()
                            .build())
                    .create();

            try (KubernetesClient reader = plane.clientFor(ns, "reader")) {
                // RBAC caches are updated from watches: allow a moment for the new binding to apply.
                org.awaitility.Awaitility.await()
                        .atMost(Duration.ofSeconds(10))
                        .ignoreException(KubernetesClientException.class)
                        .untilAsserted(() -> assertThat(
                                        reader.secrets().inNamespace(ns).list().getItems())
                                .isNotNull());
                assertThatThrownBy(() -> reader.secrets().inNamespace(other).list())
                        .isInstanceOfSatisfying(
                                KubernetesClientException.class,
                                e -> assertThat(e.getCode()).isEqualTo(403));
            }
        } finally {
            admin.namespaces().withName(other).delete();
        }
    }
}
