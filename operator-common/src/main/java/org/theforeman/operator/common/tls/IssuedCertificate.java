package org.theforeman.operator.common.tls;

import java.security.cert.X509Certificate;

/** A certificate, its private key and the CA certificate it chains to, in PEM: a kubernetes.io/tls Secret's data. */
public record IssuedCertificate(
        X509Certificate certificate, String certificatePem, String privateKeyPem, String caPem) {
    public static final String TLS_CRT = "tls.crt";
    public static final String TLS_KEY = "tls.key";
    public static final String CA_CRT = "ca.crt";
}
