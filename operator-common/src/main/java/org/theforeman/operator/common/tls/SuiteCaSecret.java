package org.theforeman.operator.common.tls;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.time.Instant;
import java.util.Map;
import org.theforeman.operator.common.resources.GeneratedSecrets;
import org.theforeman.operator.common.resources.StandardLabels;

/**
 * The suite CA of a namespace, kept in the Secret {@value #NAME} (ca.crt, ca.key). Every operator of the
 * suite uses the same one: the first that needs it creates it, and creation is create-if-absent, so two
 * operators racing both end up with the CA that won. It is never replaced and carries no owner reference:
 * deleting a Foreman or a SmartProxy keeps it, and certificates issued before stay valid.
 */
public final class SuiteCaSecret {
    public static final String NAME = "foreman-suite-ca";
    public static final String CA_CRT = "ca.crt";
    public static final String CA_KEY = "ca.key";

    private SuiteCaSecret() {}

    /**
     * The namespace's suite CA, created when absent.
     *
     * @param managedBy the operator creating it, for its labels
     */
    public static SuiteCa ensure(KubernetesClient client, String namespace, String managedBy, Instant now) {
        Secret secret = client.secrets().inNamespace(namespace).withName(NAME).get();
        if (secret == null) {
            SuiteCa generated = SuiteCa.generate("Foreman suite CA " + namespace, now);
            try {
                secret = client.resource(desired(generated, namespace, managedBy))
                        .inNamespace(namespace)
                        .create();
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                    throw e;
                }
                // Another operator created it first: use theirs.
                secret = client.secrets().inNamespace(namespace).withName(NAME).get();
            }
        }
        return fromSecret(secret);
    }

    public static SuiteCa fromSecret(Secret secret) {
        Map<String, String> data = secret.getData();
        if (data == null || data.get(CA_CRT) == null || data.get(CA_KEY) == null) {
            throw new IllegalStateException("Secret " + NAME + " lacks " + CA_CRT + " or " + CA_KEY);
        }
        return SuiteCa.fromPem(GeneratedSecrets.decode(data.get(CA_CRT)), GeneratedSecrets.decode(data.get(CA_KEY)));
    }

    static Secret desired(SuiteCa ca, String namespace, String managedBy) {
        return new SecretBuilder()
                .withNewMetadata()
                .withName(NAME)
                .withNamespace(namespace)
                .withLabels(Map.of(
                        StandardLabels.NAME, NAME,
                        StandardLabels.PART_OF, StandardLabels.SUITE,
                        StandardLabels.MANAGED_BY, managedBy))
                .endMetadata()
                .withType("Opaque")
                .withData(Map.of(
                        CA_CRT, GeneratedSecrets.encode(ca.certificatePem()),
                        CA_KEY, GeneratedSecrets.encode(ca.privateKeyPem())))
                .build();
    }
}
