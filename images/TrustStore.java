import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the JRE's trust store (PKCS12, password "changeit" as the JDK's) from the PEM certificates of
 * Debian's ca-certificates package: what ca-certificates-java does at install time, which an image assembled
 * with dpkg-deb -x never runs. Run as a source file: java images/TrustStore.java CERT_DIR OUT.
 */
public final class TrustStore {
    public static void main(String[] args) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<Path> pems;
        try (Stream<Path> files = Files.walk(Path.of(args[0]))) {
            pems = files.filter(f -> f.toString().endsWith(".crt")).sorted().toList();
        }
        for (Path pem : pems) {
            try (InputStream in = Files.newInputStream(pem)) {
                X509Certificate cert = (X509Certificate) factory.generateCertificate(in);
                String alias = pem.getFileName().toString().replaceFirst("\\.crt$", "").toLowerCase();
                store.setCertificateEntry(alias, cert);
            }
        }
        try (var out = Files.newOutputStream(Path.of(args[1]))) {
            store.store(out, "changeit".toCharArray());
        }
        System.err.println("TrustStore: " + pems.size() + " certificates");
    }
}
