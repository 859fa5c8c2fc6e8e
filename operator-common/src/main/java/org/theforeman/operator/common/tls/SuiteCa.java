package org.theforeman.operator.common.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The suite's certificate authority: a self-signed CA whose key pair is generated once (see
 * {@link SuiteCaSecret}) and which issues the server and client certificates Foreman, its smart proxies
 * and Pulp present to each other. RSA 2048 and SHA-256, which every client of the suite (Ruby OpenSSL,
 * Python, Java) accepts.
 */
public final class SuiteCa {
    public static final Duration CA_LIFETIME = Duration.ofDays(3650);
    private static final String SIGNATURE = "SHA256withRSA";
    /** Tolerates clocks a little behind ours (at most a tenth of a lifetime, so short test lifetimes work). */
    private static final Duration BACKDATE = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate certificate;
    private final PrivateKey key;

    private SuiteCa(X509Certificate certificate, PrivateKey key) {
        this.certificate = certificate;
        this.key = key;
    }

    public static SuiteCa generate(String commonName, Instant now) {
        try {
            KeyPair pair = rsaKeyPair();
            X500Name subject = name(commonName);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    subject,
                    serial(),
                    Date.from(now.minus(BACKDATE)),
                    Date.from(now.plus(CA_LIFETIME)),
                    subject,
                    pair.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(
                    Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()));
            return new SuiteCa(sign(builder, pair.getPrivate()), pair.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot generate the suite CA: " + e.getMessage(), e);
        }
    }

    public static SuiteCa fromPem(String certificatePem, String privateKeyPem) {
        return new SuiteCa(Pem.parseCertificate(certificatePem), Pem.parsePrivateKey(privateKeyPem));
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public String certificatePem() {
        return Pem.certificate(certificate);
    }

    public String privateKeyPem() {
        return Pem.privateKey(key);
    }

    /** A new key pair and a certificate for it, signed by this CA, valid from now for the request's lifetime. */
    public IssuedCertificate issue(CertificateRequest request, Instant now) {
        try {
            KeyPair pair = rsaKeyPair();
            Instant notAfter = now.plus(request.lifetime());
            if (notAfter.isAfter(certificate.getNotAfter().toInstant())) {
                notAfter = certificate.getNotAfter().toInstant();
            }
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    certificate,
                    serial(),
                    Date.from(now.minus(backdate(request.lifetime()))),
                    Date.from(notAfter),
                    name(request.commonName()),
                    pair.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(
                    Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, extendedKeyUsage(request.usage()));
            builder.addExtension(
                    Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()));
            builder.addExtension(
                    Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(certificate));
            if (!request.dnsNames().isEmpty()) {
                GeneralName[] names = request.dnsNames().stream()
                        .map(dns -> new GeneralName(GeneralName.dNSName, dns))
                        .toArray(GeneralName[]::new);
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            X509Certificate issued = sign(builder, key);
            return new IssuedCertificate(
                    issued, Pem.certificate(issued), Pem.privateKey(pair.getPrivate()), certificatePem());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot issue a certificate: " + e.getMessage(), e);
        }
    }

    static Duration backdate(Duration lifetime) {
        Duration tenth = lifetime.dividedBy(10);
        return tenth.compareTo(BACKDATE) < 0 ? tenth : BACKDATE;
    }

    private static ExtendedKeyUsage extendedKeyUsage(CertificateRequest.Usage usage) {
        return switch (usage) {
            case SERVER -> new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth);
            case CLIENT -> new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth);
            case SERVER_AND_CLIENT ->
                new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth});
        };
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static KeyPair rsaKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, RANDOM);
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
            throws OperatorCreationException, GeneralSecurityException {
        ContentSigner contentSigner = new JcaContentSignerBuilder(SIGNATURE).build(signer);
        return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
    }
}
