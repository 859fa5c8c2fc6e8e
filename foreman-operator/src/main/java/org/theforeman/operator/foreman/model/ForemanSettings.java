package org.theforeman.operator.foreman.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.foreman.ForemanInputs;

/**
 * Foreman's /etc/foreman/settings.yaml (Ruby symbol keys, as Foreman reads it). It holds the OAuth
 * consumer secret and the cache URL (with its password), so it lives in a Secret, never a ConfigMap.
 * TLS ends in front of Foreman (Ingress, Route), and the suite calls Foreman inside the cluster over
 * plain HTTP, so require_ssl is false unless spec.settings says otherwise.
 */
public final class ForemanSettings {
    public static final String PATH = "/etc/foreman/settings.yaml";
    public static final String FILE = "settings.yaml";

    private static final Pattern NUMBER = Pattern.compile("^-?[0-9]+(\\.[0-9]+)?$");

    private ForemanSettings() {}

    /**
     * @param oauthKey the OAuth consumer key, also in status.credentialsSecret
     * @param oauthSecret its secret
     * @param cacheUrl the Redis URL of the Rails cache
     */
    public static String render(
            Foreman foreman, ForemanInputs inputs, String oauthKey, String oauthSecret, String cacheUrl) {
        ForemanInputs.Endpoint endpoint = inputs.endpoint();
        StringBuilder yaml = new StringBuilder("---\n");
        entry(yaml, "foreman_url", endpoint.url());
        entry(yaml, "fqdn", endpoint.fqdn());
        yaml.append(":hosts:\n");
        list(yaml, "  ", endpoint.hosts());
        Map<String, String> user = new TreeMap<>();
        user.put("require_ssl", "false");
        if (foreman.getSpec().getSettings() != null) {
            user.putAll(foreman.getSpec().getSettings());
        }
        user.forEach((key, value) -> entry(yaml, key, typed(value)));
        yaml.append(":rails_cache_store:\n").append("  :type: redis\n").append("  :urls:\n");
        list(yaml, "    ", List.of(cacheUrl));
        yaml.append("  :options:\n").append("    :compress: true\n").append("    :namespace: foreman\n");
        yaml.append(":oauth_active: true\n").append(":oauth_map_users: false\n");
        entry(yaml, "oauth_consumer_key", oauthKey);
        entry(yaml, "oauth_consumer_secret", oauthSecret);
        return yaml.toString();
    }

    private static void entry(StringBuilder yaml, String key, Object value) {
        yaml.append(':').append(key).append(": ").append(scalar(value)).append('\n');
    }

    private static void list(StringBuilder yaml, String indent, List<String> values) {
        for (String value : values) {
            yaml.append(indent).append("- ").append(scalar(value)).append('\n');
        }
    }

    /** true/false and numbers as YAML booleans and numbers, anything else as a string. */
    static Object typed(String value) {
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        if (NUMBER.matcher(value).matches()) {
            return new YamlNumber(value);
        }
        return value;
    }

    /** A double-quoted YAML string (escaped), or the literal form of a boolean or number. */
    static String scalar(Object value) {
        if (value instanceof Boolean || value instanceof YamlNumber) {
            return value.toString();
        }
        String text = value.toString()
                .replace("\\", "\\\\")
                .replace("\"", "\\\"")
                .replace("\n", "\\n")
                .replace("\t", "\\t");
        return "\"" + text + "\"";
    }

    /** A number exactly as the user wrote it. */
    record YamlNumber(String literal) {
        @Override
        public String toString() {
            return literal;
        }
    }
}
