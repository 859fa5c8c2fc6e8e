package org.theforeman.operator.foreman.model;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.common.resources.GeneratedSecrets;
import org.theforeman.operator.foreman.ForemanNames;

/**
 * What the operator renders that carries passwords: settings.yaml (OAuth secret, cache URL),
 * DATABASE_URL and DYNFLOW_REDIS_URL. Rebuilt from its inputs on every reconcile (not retained); its
 * content hash is in the pod templates, so a change rolls web and dynflow once.
 */
public final class ConfigSecret {
    /** Keys, named after the environment variables they feed. */
    public static final String DATABASE_URL = "DATABASE_URL";

    public static final String DYNFLOW_REDIS_URL = "DYNFLOW_REDIS_URL";
    static final String COMPONENT = "config";

    private ConfigSecret() {}

    public static Secret desired(Foreman foreman, String settingsYaml, String databaseUrl, String dynflowRedisUrl) {
        Map<String, String> data = new LinkedHashMap<>();
        // data, not stringData: stringData is write-only, so it would look drifted on every comparison.
        data.put(ForemanSettings.FILE, GeneratedSecrets.encode(settingsYaml));
        data.put(DATABASE_URL, GeneratedSecrets.encode(databaseUrl));
        data.put(DYNFLOW_REDIS_URL, GeneratedSecrets.encode(dynflowRedisUrl));
        return new SecretBuilder()
                .withMetadata(
                        ForemanMeta.owned(foreman, ForemanNames.of(foreman).configSecret(), COMPONENT))
                .withType("Opaque")
                .withData(data)
                .build();
    }
}
