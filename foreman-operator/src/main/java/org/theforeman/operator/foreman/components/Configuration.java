package org.theforeman.operator.foreman.components;

import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.resources.ConfigHash;
import org.theforeman.operator.foreman.ForemanInputs;
import org.theforeman.operator.foreman.model.ConfigSecret;
import org.theforeman.operator.foreman.model.ConnectionUrls;
import org.theforeman.operator.foreman.model.DynflowConfigMap;
import org.theforeman.operator.foreman.model.ForemanSettings;

/**
 * What Foreman's processes read besides the image: settings.yaml, DATABASE_URL and DYNFLOW_REDIS_URL in
 * the config Secret, and the dynflow sidekiq files in a ConfigMap. Their hash goes into the web and
 * dynflow pod templates: a change rolls them once, and nothing else does.
 */
public final class Configuration {
    private Configuration() {}

    /** @return the hash of the rendered configuration */
    public static String reconcile(
            ManagedObjects<Foreman> objects, ForemanInputs inputs, Credentials.Generated credentials) {
        Foreman foreman = objects.primary();
        ForemanInputs.Redis redis = Cache.connection(foreman, inputs);
        String settings = ForemanSettings.render(
                foreman,
                inputs,
                credentials.oauthKey(),
                credentials.oauthSecret(),
                ConnectionUrls.redis(redis, ConnectionUrls.CACHE_DB));
        String databaseUrl = ConnectionUrls.database(Database.connection(foreman, inputs, credentials));
        String dynflowRedisUrl = ConnectionUrls.redis(redis, ConnectionUrls.DYNFLOW_DB);
        objects.apply(ConfigSecret.desired(foreman, settings, databaseUrl, dynflowRedisUrl));
        objects.apply(DynflowConfigMap.desired(foreman));
        return ConfigHash.of(settings, databaseUrl, dynflowRedisUrl, DynflowConfigMap.files());
    }
}
