package org.theforeman.operator.smartproxy.model;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.RemoteExecutionSshFeature;

/**
 * Renders the proxy's configuration: /etc/foreman-proxy/settings.yml and one settings.d/&lt;feature&gt;.yml per
 * feature the image knows, plus the Ansible environment file. Keys are Ruby symbols (":key:"), as smart-proxy
 * reads them with YAML.load. No secret goes in here: certificates and keys are files mounted from Secrets.
 */
public final class ProxySettings {
    public static final String CONFIG_DIR = "/etc/foreman-proxy";
    public static final String SETTINGS_FILE = "settings.yml";
    public static final String SETTINGS_DIR = CONFIG_DIR + "/settings.d";
    public static final String ANSIBLE_ENV_FILE = "ansible.env";
    /** The proxy's own HTTPS certificate: tls.crt, tls.key, ca.crt (the CA its clients' certificates chain to). */
    public static final String SERVER_TLS_DIR = CONFIG_DIR + "/tls/server";
    /** The client certificate the proxy presents to Foreman: tls.crt, tls.key. */
    public static final String CLIENT_TLS_DIR = CONFIG_DIR + "/tls/client";
    /** ca.crt to verify Foreman's certificate, when one is known. */
    public static final String FOREMAN_CA_DIR = CONFIG_DIR + "/tls/foreman";

    public static final String SSH_DIR = CONFIG_DIR + "/ssh";
    public static final String SSH_KEY_FILE = "id_rsa_foreman_proxy";

    /** What the rendering needs besides the features. */
    public record Inputs(
            String foremanUrl, List<String> trustedHosts, ProxyEndpoint endpoint, boolean foremanCaKnown) {}

    private ProxySettings() {}

    /** settings.d file name for a feature. */
    public static String featureFile(String feature) {
        return feature + ".yml";
    }

    /** Every file: settings.yml, ansible.env and &lt;feature&gt;.yml (ConfigMap keys, mounted by file). */
    public static Map<String, String> files(ProxyFeatures features, Inputs inputs) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(SETTINGS_FILE, settings(inputs));
        for (String feature : ProxyFeatures.KNOWN) {
            files.put(featureFile(feature), feature(feature, features, inputs));
        }
        if (features.isOn("ansible")) {
            files.put(ANSIBLE_ENV_FILE, ansibleEnv(inputs));
        }
        return files;
    }

    static String settings(Inputs inputs) {
        StringBuilder yaml = new StringBuilder("---\n");
        line(yaml, "settings_directory", quote(SETTINGS_DIR));
        line(yaml, "foreman_url", quote(inputs.foremanUrl()));
        if (inputs.trustedHosts() != null) {
            if (inputs.trustedHosts().isEmpty()) {
                line(yaml, "trusted_hosts", "[]");
            } else {
                yaml.append(":trusted_hosts:\n");
                inputs.trustedHosts()
                        .forEach(host -> yaml.append("  - ").append(quote(host)).append('\n'));
            }
        }
        line(yaml, "https_port", String.valueOf(ProxyEndpoint.HTTPS_PORT));
        line(yaml, "bind_host", quote("*"));
        line(yaml, "ssl_certificate", quote(SERVER_TLS_DIR + "/tls.crt"));
        line(yaml, "ssl_private_key", quote(SERVER_TLS_DIR + "/tls.key"));
        line(yaml, "ssl_ca_file", quote(SERVER_TLS_DIR + "/ca.crt"));
        line(yaml, "foreman_ssl_cert", quote(CLIENT_TLS_DIR + "/tls.crt"));
        line(yaml, "foreman_ssl_key", quote(CLIENT_TLS_DIR + "/tls.key"));
        // Without a CA for Foreman the proxy falls back to ssl_ca_file (the suite CA).
        if (inputs.foremanCaKnown()) {
            line(yaml, "foreman_ssl_ca", quote(FOREMAN_CA_DIR + "/ca.crt"));
        }
        // Containers log to standard output; the log buffer feeds the logs feature.
        line(yaml, "log_file", quote("STDOUT"));
        line(yaml, "log_level", quote("INFO"));
        return yaml.toString();
    }

    static String feature(String feature, ProxyFeatures features, Inputs inputs) {
        boolean on = features.isOn(feature);
        StringBuilder yaml = new StringBuilder("---\n");
        line(yaml, "enabled", String.valueOf(on));
        if (!on) {
            return yaml.toString();
        }
        switch (feature) {
            case "dynflow" -> line(yaml, "database", ""); // empty: in-memory, nothing to persist in a pod
            case "remote_execution_ssh" -> remoteExecution(yaml, features);
            case "ansible" -> {
                line(yaml, "ansible_dir", quote("/usr/share/foreman-proxy"));
                line(yaml, "ansible_environment_file", quote(CONFIG_DIR + "/" + ANSIBLE_ENV_FILE));
            }
            case "templates" ->
                line(yaml, "template_url", quote(inputs.endpoint().url()));
            // The image installs freeipmi (not ipmitool) for IPMI.
            case "bmc" -> line(yaml, "bmc_default_provider", quote("freeipmi"));
            default -> {}
        }
        return yaml.toString();
    }

    private static void remoteExecution(StringBuilder yaml, ProxyFeatures features) {
        line(yaml, "ssh_identity_key_file", quote(SSH_DIR + "/" + SSH_KEY_FILE));
        line(yaml, "local_working_dir", quote("/var/tmp"));
        line(yaml, "remote_working_dir", quote("/var/tmp"));
        line(yaml, "socket_working_dir", quote("/var/tmp"));
        line(yaml, "mode", features.remoteExecutionMode());
        RemoteExecutionSshFeature rex = features.remoteExecution();
        if ("pull-mqtt".equals(features.remoteExecutionMode()) && rex != null) {
            line(yaml, "mqtt_broker", quote(rex.getMqttBroker()));
            line(yaml, "mqtt_port", String.valueOf(rex.getMqttPort() == null ? 1883 : rex.getMqttPort()));
        }
    }

    /** Environment of ansible-runner: Foreman's callback reports results with the proxy's client certificate. */
    static String ansibleEnv(Inputs inputs) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ANSIBLE_CALLBACKS_ENABLED", "theforeman.foreman.foreman");
        env.put("ANSIBLE_LOCAL_TEMP", "/tmp");
        env.put("ANSIBLE_HOST_KEY_CHECKING", "False");
        env.put("FOREMAN_URL", inputs.foremanUrl());
        env.put("FOREMAN_SSL_CERT", CLIENT_TLS_DIR + "/tls.crt");
        env.put("FOREMAN_SSL_KEY", CLIENT_TLS_DIR + "/tls.key");
        env.put("FOREMAN_SSL_VERIFY", (inputs.foremanCaKnown() ? FOREMAN_CA_DIR : SERVER_TLS_DIR) + "/ca.crt");
        StringBuilder out = new StringBuilder();
        env.forEach((key, value) -> out.append("export ")
                .append(key)
                .append("=\"")
                .append(value.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$"))
                .append("\"\n"));
        return out.toString();
    }

    /** The host Foreman's client certificate names: the default of trusted_hosts. */
    public static List<String> defaultTrustedHosts(String foremanUrl) {
        String host = URI.create(foremanUrl).getHost();
        return host == null ? null : List.of(host);
    }

    private static void line(StringBuilder yaml, String key, String value) {
        yaml.append(':').append(key).append(':');
        if (!value.isEmpty()) {
            yaml.append(' ').append(value);
        }
        yaml.append('\n');
    }

    /** A single-quoted YAML scalar: no escapes but a doubled quote, so any text stays a string. */
    static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
