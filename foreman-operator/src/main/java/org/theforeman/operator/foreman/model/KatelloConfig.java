package org.theforeman.operator.foreman.model;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.common.resources.GeneratedSecrets;

/**
 * Katello's plugin settings for Foreman's pods: /etc/foreman/plugins/katello.yaml (Candlepin's URL, the
 * OAuth consumer and its secret, the CA that verifies Candlepin) and that CA's file. There is no Pulp URL:
 * Katello finds Pulp as the registered smart proxy with the pulpcore feature.
 */
public final class KatelloConfig {
    public static final String FILE = "katello.yaml";
    public static final String PATH = "/etc/foreman/plugins/katello.yaml";
    public static final String CA_FILE = "katello-default-ca.crt";
    public static final String CA_PATH = "/etc/foreman/katello-default-ca.crt";
    static final String VOLUME = "katello";

    private KatelloConfig() {}

    public static String render(Foreman foreman, String oauthSecret) {
        return "# Written by the foreman-operator; edits are replaced.\n"
                + ":katello:\n"
                + "  :rest_client_timeout: 3600\n"
                + "  :candlepin:\n"
                + "    :url: " + quote(CandlepinObjects.url(foreman)) + "\n"
                + "    :oauth_key: " + quote(CandlepinConfig.OAUTH_CONSUMER) + "\n"
                + "    :oauth_secret: " + quote(oauthSecret) + "\n"
                + "    :ca_cert_file: " + quote(CA_PATH) + "\n"
                + "  :pulp:\n"
                + "    :ca_cert_file: " + quote(CA_PATH) + "\n";
    }

    /** katello.yaml and the suite CA's certificate (Candlepin's server certificate is issued by it). */
    public static Secret secret(Foreman foreman, String oauthSecret, String caPem) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(FILE, GeneratedSecrets.encode(render(foreman, oauthSecret)));
        data.put(CA_FILE, GeneratedSecrets.encode(caPem));
        return new SecretBuilder()
                .withMetadata(
                        ForemanMeta.owned(foreman, KatelloNames.of(foreman).katelloSecret(), "katello"))
                .withType("Opaque")
                .withData(data)
                .build();
    }

    /** The mounts of the Foreman container when the release it runs loads Katello. */
    public static List<VolumeMount> mounts() {
        return List.of(
                new VolumeMountBuilder()
                        .withName(VOLUME)
                        .withMountPath(PATH)
                        .withSubPath(FILE)
                        .withReadOnly(true)
                        .build(),
                new VolumeMountBuilder()
                        .withName(VOLUME)
                        .withMountPath(CA_PATH)
                        .withSubPath(CA_FILE)
                        .withReadOnly(true)
                        .build());
    }

    public static Volume volume(Foreman foreman) {
        return new VolumeBuilder()
                .withName(VOLUME)
                .withNewSecret()
                .withSecretName(KatelloNames.of(foreman).katelloSecret())
                .withDefaultMode(0440)
                .endSecret()
                .build();
    }

    /** A YAML double-quoted string. */
    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
