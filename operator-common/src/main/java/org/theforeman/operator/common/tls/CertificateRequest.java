package org.theforeman.operator.common.tls;

import java.time.Duration;
import java.util.List;

/**
 * A certificate to issue from the suite CA.
 *
 * @param commonName the subject's CN (a client certificate's CN is what a smart proxy's trusted_hosts lists)
 * @param dnsNames subject alternative names; the first is usually the CN
 * @param usage what the certificate may authenticate
 * @param lifetime validity from now
 */
public record CertificateRequest(String commonName, List<String> dnsNames, Usage usage, Duration lifetime) {
    public enum Usage {
        /** TLS server authentication. */
        SERVER,
        /** TLS client authentication. */
        CLIENT,
        /** Both, for a component that uses one certificate in both roles. */
        SERVER_AND_CLIENT
    }

    public CertificateRequest {
        dnsNames = List.copyOf(dnsNames);
    }
}
