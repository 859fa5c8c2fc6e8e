package org.theforeman.operator.foreman;

import org.theforeman.operator.api.v1alpha1.Foreman;

/** Names of everything the operator makes for a Foreman, derived from the Foreman's name only. */
public record ForemanNames(String name) {
    public static final String APPLICATION = "foreman";

    public static ForemanNames of(Foreman foreman) {
        return new ForemanNames(foreman.getMetadata().getName());
    }

    /** ENCRYPTION_KEY: losing it makes every credential stored in Foreman's database unreadable. */
    public String encryptionKeySecret() {
        return suffixed("encryption-key");
    }

    /** The initial administrator's username and password (status.adminSecret). */
    public String adminSecret() {
        return suffixed("admin");
    }

    /** OAuth consumer key and secret (status.credentialsSecret), the same pair as in settings.yaml. */
    public String oauthSecret() {
        return suffixed("oauth");
    }

    /** Credentials of the managed PostgreSQL, in the keys of an external database's Secret. */
    public String managedDatabaseSecret() {
        return suffixed("postgres");
    }

    public String postgres() {
        return suffixed("postgres");
    }

    public String redis() {
        return suffixed("redis");
    }

    /** settings.yaml, DATABASE_URL and DYNFLOW_REDIS_URL: rendered by the operator, secret because of passwords. */
    public String configSecret() {
        return suffixed("config");
    }

    /** The sidekiq configurations of the dynflow processes (no secrets). */
    public String dynflowConfig() {
        return suffixed("dynflow");
    }

    /** One migration Job per release (image and plugin set). */
    public String migrationJob(String releaseHash) {
        return suffixed("migrate-" + releaseHash.substring(0, 10));
    }

    public String web() {
        return suffixed("web");
    }

    public String dynflow(DynflowRole role) {
        return suffixed("dynflow-" + role.id());
    }

    public String cronJob(String cadence) {
        return suffixed("cron-" + cadence);
    }

    public String ingress() {
        return name;
    }

    private String suffixed(String suffix) {
        return name + "-" + suffix;
    }
}
