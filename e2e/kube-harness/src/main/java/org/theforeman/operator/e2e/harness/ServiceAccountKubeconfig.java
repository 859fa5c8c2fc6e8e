package org.theforeman.operator.e2e.harness;

import io.fabric8.kubernetes.client.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A kubeconfig file that acts as a ServiceAccount (a freshly issued token, see {@link
 * ControlPlane#configFor}), for operators a test starts as processes: they get exactly that account's
 * rights, as in a pod.
 */
public final class ServiceAccountKubeconfig {
    private ServiceAccountKubeconfig() {}

    /** Writes the file (readable by its owner only) and returns its path; the caller deletes it. */
    public static Path write(ControlPlane plane, String namespace, String serviceAccount) {
        Config config = plane.configFor(namespace, serviceAccount);
        String authority = config.getCaCertData() != null
                ? "certificate-authority-data: " + config.getCaCertData()
                : "certificate-authority: " + config.getCaCertFile();
        String text = """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: cluster
                    cluster: {server: "%s", %s}
                users:
                  - name: %s
                    user: {token: "%s"}
                contexts:
                  - name: sa
                    context: {cluster: cluster, user: %s, namespace: %s}
                current-context: sa
                """.formatted(
                config.getMasterUrl(), authority, serviceAccount, config.getOauthToken(), serviceAccount, namespace);
        try {
            Path file = Files.createTempFile(
                    serviceAccount + "-",
                    ".kubeconfig",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
