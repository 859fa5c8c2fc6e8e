package org.theforeman.operator.smartproxy;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;
import org.theforeman.operator.common.tls.Pem;

/**
 * The remote execution key pair: RSA 4096 as foremanctl generates it, the private key in PEM (OpenSSH reads
 * PKCS#8) and the public key as an authorized_keys line.
 */
public record SshKeyPair(String privateKeyPem, String publicKeyLine) {
    public static SshKeyPair generate(String comment) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(4096, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
            byte[] blob = OpenSSHPublicKeyUtil.encodePublicKey(
                    new RSAKeyParameters(false, publicKey.getModulus(), publicKey.getPublicExponent()));
            return new SshKeyPair(
                    Pem.privateKey(pair.getPrivate()),
                    "ssh-rsa " + Base64.getEncoder().encodeToString(blob) + " " + comment);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot generate an SSH key pair: " + e.getMessage(), e);
        }
    }
}
