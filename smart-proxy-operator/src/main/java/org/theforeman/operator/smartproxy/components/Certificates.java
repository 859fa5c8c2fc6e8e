package org.theforeman.operator.smartproxy.components;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.ConditionTypes.SmartProxyConditions;
import org.theforeman.operator.api.v1alpha1.SmartProxy;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.resources.ConfigHash;
import org.theforeman.operator.common.resources.GeneratedSecrets;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.common.tls.CertificateRequest;
import org.theforeman.operator.common.tls.IssuedCertificate;
import org.theforeman.operator.common.tls.Pem;
import org.theforeman.operator.common.tls.Renewal;
import org.theforeman.operator.common.tls.SuiteCa;
import org.theforeman.operator.common.tls.SuiteCaSecret;
import org.theforeman.operator.smartproxy.SmartProxyOperator;
import org.theforeman.operator.smartproxy.model.ProxyCertificate;
import org.theforeman.operator.smartproxy.model.ProxyEndpoint;
import org.theforeman.operator.smartproxy.model.ProxyNames;
import org.theforeman.operator.smartproxy.model.TlsSecret;

/**
 * TLSReady: the proxy's server certificate and the client certificate it presents to Foreman. By default
 * both are issued by the namespace's suite CA and renewed a third of their lifetime before they expire (or
 * at once when the proxy's names change); tls.secret names the user's certificate instead (used for both
 * roles), and tls.issuer has cert-manager issue it.
 */
public final class Certificates {
    /**
     * @param state the TLSReady condition
     * @param digest of the certificates the pods mount (a renewal rolls them)
     * @param renewAt the earliest instant a certificate is due, or null
     */
    public record Result(ComponentState state, String digest, Instant renewAt) {
        public boolean ok() {
            return state.phase() == ComponentState.Phase.READY;
        }
    }

    private final Duration lifetime;

    public Certificates(Duration lifetime) {
        this.lifetime = lifetime;
    }

    public Result reconcile(ManagedObjects<SmartProxy> objects, ProxyEndpoint endpoint, Instant now) {
        ProxyNames names = ProxyNames.of(objects.primary());
        if (names.userTls()) {
            return userSecret(objects, names.serverTls());
        }
        if (names.certManager()) {
            return certManager(objects, endpoint, names);
        }
        Secret server = current(objects, names.serverTls(), endpoint.dnsNames(), now);
        Secret client = current(objects, names.clientTls(), List.of(endpoint.host()), now);
        SuiteCa ca = null;
        if (server == null || client == null) {
            ca = SuiteCaSecret.ensure(objects.client(), objects.namespace(), SmartProxyOperator.NAME, now);
        }
        if (server == null) {
            server = objects.apply(TlsSecret.desired(
                    objects.primary(),
                    names.serverTls(),
                    "server-tls",
                    ca.issue(request(endpoint.host(), endpoint.dnsNames(), CertificateRequest.Usage.SERVER), now)));
        }
        if (client == null) {
            client = objects.apply(TlsSecret.desired(
                    objects.primary(),
                    names.clientTls(),
                    "client-tls",
                    ca.issue(
                            request(endpoint.host(), List.of(endpoint.host()), CertificateRequest.Usage.CLIENT), now)));
        }
        Instant renewAt = earliest(Renewal.dueAt(certificate(server)), Renewal.dueAt(certificate(client)));
        return new Result(
                ComponentState.ready(
                        SmartProxyConditions.TLS_READY,
                        "Issued",
                        "Certificates of the suite CA in Secrets " + names.serverTls() + " and " + names.clientTls()
                                + ", renewed from " + renewAt + "."),
                ConfigHash.of(
                        server.getData().get(IssuedCertificate.TLS_CRT),
                        client.getData().get(IssuedCertificate.TLS_CRT)),
                renewAt);
    }

    private CertificateRequest request(String cn, List<String> dnsNames, CertificateRequest.Usage usage) {
        return new CertificateRequest(cn, dnsNames, usage, lifetime);
    }

    /** The cached certificate Secret when it is still good: names, issuer and time left; else null. */
    private static Secret current(ManagedObjects<SmartProxy> objects, String name, List<String> dnsNames, Instant now) {
        Secret secret = cachedOrRead(objects, name);
        if (secret == null || secret.getData() == null) {
            return null;
        }
        Map<String, String> data = secret.getData();
        if (data.get(IssuedCertificate.TLS_CRT) == null
                || data.get(IssuedCertificate.TLS_KEY) == null
                || data.get(IssuedCertificate.CA_CRT) == null) {
            return null;
        }
        try {
            X509Certificate certificate = certificate(secret);
            X509Certificate ca = Pem.parseCertificate(GeneratedSecrets.decode(data.get(IssuedCertificate.CA_CRT)));
            return Renewal.matches(certificate, dnsNames, ca) && !Renewal.isDue(certificate, now) ? secret : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The cache may not hold a Secret written a moment ago; a certificate issued twice would roll the pods
     * twice, so a miss is checked against the API server.
     */
    static Secret cachedOrRead(ManagedObjects<SmartProxy> objects, String name) {
        Secret secret = objects.cached(Secret.class, name);
        return secret != null
                ? secret
                : objects.client()
                        .secrets()
                        .inNamespace(objects.namespace())
                        .withName(name)
                        .get();
    }

    private static X509Certificate certificate(Secret secret) {
        return Pem.parseCertificate(GeneratedSecrets.decode(secret.getData().get(IssuedCertificate.TLS_CRT)));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Result userSecret(ManagedObjects<SmartProxy> objects, String name) {
        Secret secret = objects.referenced(Secret.class, name);
        if (secret == null) {
            return failed("TLSSecretNotFound", "Secret " + name + " (tls.secret) does not exist.");
        }
        for (String key : List.of(IssuedCertificate.TLS_CRT, IssuedCertificate.TLS_KEY, IssuedCertificate.CA_CRT)) {
            if (secret.getData() == null || secret.getData().get(key) == null) {
                return failed("TLSSecretKeyMissing", "Secret " + name + " (tls.secret) has no key " + key + ".");
            }
        }
        return new Result(
                ComponentState.ready(SmartProxyConditions.TLS_READY, "UserCertificate", "Serving Secret " + name + "."),
                ConfigHash.of(
                        secret.getData().get(IssuedCertificate.TLS_CRT),
                        secret.getData().get(IssuedCertificate.CA_CRT)),
                null);
    }

    private static Result certManager(ManagedObjects<SmartProxy> objects, ProxyEndpoint endpoint, ProxyNames names) {
        if (objects.client().getApiGroup(ProxyCertificate.GROUP) == null) {
            return failed(
                    "CertManagerNotInstalled",
                    "tls.issuer needs cert-manager, whose API (" + ProxyCertificate.GROUP
                            + ") this cluster does not serve.");
        }
        GenericKubernetesResource desired = ProxyCertificate.desired(objects.primary(), endpoint);
        GenericKubernetesResource actual = objects.client()
                .genericKubernetesResources(ProxyCertificate.API_VERSION, ProxyCertificate.KIND)
                .inNamespace(objects.namespace())
                .withName(names.serverTls())
                .get();
        objects.applier().apply(desired, actual);
        Secret secret = objects.referenced(Secret.class, names.serverTls());
        if (secret == null || secret.getData() == null || secret.getData().get(IssuedCertificate.TLS_CRT) == null) {
            return new Result(
                    ComponentState.progressing(
                            SmartProxyConditions.TLS_READY,
                            "WaitingForCertManager",
                            "cert-manager has not issued Certificate " + names.serverTls() + " yet."),
                    null,
                    null);
        }
        return new Result(
                ComponentState.ready(
                        SmartProxyConditions.TLS_READY,
                        "CertManager",
                        "cert-manager keeps Secret " + names.serverTls() + "."),
                ConfigHash.of(secret.getData().get(IssuedCertificate.TLS_CRT)),
                null);
    }

    private static Result failed(String reason, String message) {
        return new Result(ComponentState.failed(SmartProxyConditions.TLS_READY, reason, message), null, null);
    }
}
