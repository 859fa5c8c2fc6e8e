package org.theforeman.operator.e2e.harness;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An operator's install bundle (install/&lt;operator&gt;.yaml) as tests use it: its ServiceAccount, Role and
 * RoleBinding created in a test namespace, while the operator itself runs in-process with that account's
 * token (its Deployment is left out: no image of the operator is built for tests).
 */
public final class InstallBundle {
    private InstallBundle() {}

    /** Creates every object of the bundle but the Deployment in {@code namespace}. */
    public static void applyAccess(KubernetesClient admin, String bundle, String namespace) {
        Path path = RepositoryLayout.root().resolve(bundle);
        try (InputStream in = Files.newInputStream(path)) {
            for (HasMetadata object : admin.load(in).items()) {
                if (!object.getKind().equals("Deployment")) {
                    admin.resource(object).inNamespace(namespace).create();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
