package org.theforeman.operator.e2e.harness;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An operator's install bundle in a test namespace, as a user installs it: its CRD, then its
 * ServiceAccount, Role and RoleBinding from {@code install/<operator>.yaml} (its Deployment left out:
 * the test runs the operator in-process). The operator then acts with that account's token, so that every
 * call it makes is checked against the Role that ships.
 */
public final class OperatorBundle {
    private OperatorBundle() {}

    /**
     * @param crd the CRD file, relative to the repository root (install/crds/...)
     * @param operator the operator's name: its bundle is install/{operator}.yaml, its ServiceAccount {operator}
     * @return the client configuration of the operator's ServiceAccount
     */
    public static Config install(ControlPlane plane, String namespace, String crd, String operator) {
        KubernetesClient admin = plane.admin();
        plane.applyCrds(RepositoryLayout.root().resolve(crd));
        Path bundle = RepositoryLayout.root().resolve("install/" + operator + ".yaml");
        try (InputStream in = Files.newInputStream(bundle)) {
            for (HasMetadata object : admin.load(in).items()) {
                if (!object.getKind().equals("Deployment")) {
                    admin.resource(object).inNamespace(namespace).create();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return plane.configFor(namespace, operator);
    }
}
