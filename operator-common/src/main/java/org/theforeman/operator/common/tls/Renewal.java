package org.theforeman.operator.common.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;

/**
 * When an issued certificate must be replaced: a third of its lifetime before it expires (a year-long
 * certificate about four months early, so a stopped operator has months to come back), or as soon as
 * its names or its issuer no longer match.
 */
public final class Renewal {
    private Renewal() {}

    /** The instant from which the certificate is due for renewal. */
    public static Instant dueAt(X509Certificate certificate) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        Duration lifetime = Duration.between(notBefore, notAfter);
        return notAfter.minus(lifetime.dividedBy(3));
    }

    public static boolean isDue(X509Certificate certificate, Instant now) {
        return !now.isBefore(dueAt(certificate));
    }

    /** True when the certificate names exactly {@code dnsNames} (in any order) and was signed by {@code ca}. */
    public static boolean matches(X509Certificate certificate, Collection<String> dnsNames, X509Certificate ca) {
        if (!certificate.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(ca.getPublicKey());
        } catch (Exception e) {
            return false;
        }
        return new HashSet<>(dnsNames(certificate)).equals(new HashSet<>(dnsNames));
    }

    public static List<String> dnsNames(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> entry : alternatives) {
                    if (Integer.valueOf(2).equals(entry.get(0))) {
                        names.add((String) entry.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return List.of();
        }
        return names;
    }
}
