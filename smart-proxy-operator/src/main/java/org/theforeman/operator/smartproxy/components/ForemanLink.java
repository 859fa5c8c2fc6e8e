package org.theforeman.operator.smartproxy.components;

import io.fabric8.kubernetes.api.model.Secret;
import java.net.URI;
import org.theforeman.operator.api.v1alpha1.ConditionTypes;
import org.theforeman.operator.api.v1alpha1.ConditionTypes.SmartProxyConditions;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.api.v1alpha1.ForemanReference;
import org.theforeman.operator.api.v1alpha1.SmartProxy;
import org.theforeman.operator.common.foreman.ForemanCredentials;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.common.status.Conditions;
import org.theforeman.operator.common.tls.Pem;

/**
 * The Foreman a proxy registers with: its API URL and credentials. An external Foreman comes from
 * foreman.url and foreman.credentials_secret; a Foreman of the suite (foreman.name) from that Foreman's
 * status, once its web is up (WebReady for its current generation: not Ready, which waits for this proxy).
 */
public final class ForemanLink {
    /**
     * @param credentialsSecret the Secret the credentials came from (its ca.crt is mounted for the proxy)
     */
    public record Target(String url, ForemanCredentials credentials, String credentialsSecret) {}

    /** Either a target or the reason there is none yet (a Registered condition). */
    public record Result(Target target, ComponentState problem) {
        public boolean ok() {
            return target != null;
        }
    }

    private ForemanLink() {}

    public static Result resolve(ManagedObjects<SmartProxy> objects) {
        ForemanReference reference = objects.primary().getSpec().getForeman();
        if (reference.getName() != null) {
            return ofSuiteForeman(objects, reference.getName());
        }
        return withCredentials(
                objects, reference.getUrl(), reference.getCredentialsSecret(), "foreman.credentials_secret");
    }

    private static Result ofSuiteForeman(ManagedObjects<SmartProxy> objects, String name) {
        // Read, not watched: the Foreman CRD may be absent where only this operator runs.
        Foreman foreman = objects.client()
                .resources(Foreman.class)
                .inNamespace(objects.namespace())
                .withName(name)
                .get();
        if (foreman == null) {
            return waiting("Foreman " + name + " does not exist in namespace " + objects.namespace() + ".");
        }
        var status = foreman.getStatus();
        if (status == null
                || !Conditions.isTrueFor(
                        status.getConditions(),
                        ConditionTypes.ForemanConditions.WEB_READY,
                        foreman.getMetadata().getGeneration())) {
            return waiting("Foreman " + name + " is not serving yet (WebReady).");
        }
        if (status.getInternalUrl() == null || status.getCredentialsSecret() == null) {
            return waiting("Foreman " + name + " does not publish its API URL and credentials yet.");
        }
        return withCredentials(
                objects,
                status.getInternalUrl(),
                status.getCredentialsSecret(),
                "status.credentialsSecret of Foreman " + name);
    }

    private static Result withCredentials(
            ManagedObjects<SmartProxy> objects, String url, String secretName, String origin) {
        Secret secret = objects.referenced(Secret.class, secretName);
        if (secret == null) {
            return failed("CredentialsSecretNotFound", "Secret " + secretName + " (" + origin + ") does not exist.");
        }
        try {
            ForemanCredentials credentials = ForemanCredentials.fromSecret(secret);
            credentials.caPem().ifPresent(Pem::parseCertificate);
            URI.create(url);
            return new Result(new Target(url, credentials, secretName), null);
        } catch (ForemanCredentials.MissingKeyException e) {
            return failed("CredentialsKeyMissing", e.getMessage() + ".");
        } catch (IllegalArgumentException e) {
            return failed("CredentialsInvalid", "Secret " + secretName + " key ca.crt is not a PEM certificate.");
        }
    }

    private static Result waiting(String message) {
        return new Result(
                null, ComponentState.progressing(SmartProxyConditions.REGISTERED, "WaitingForForeman", message));
    }

    private static Result failed(String reason, String message) {
        return new Result(null, ComponentState.failed(SmartProxyConditions.REGISTERED, reason, message));
    }
}
