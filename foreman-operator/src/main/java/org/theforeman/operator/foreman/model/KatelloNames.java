package org.theforeman.operator.foreman.model;

import org.theforeman.operator.api.v1alpha1.Foreman;

/** Names of what Katello and remote execution add to a Foreman, derived from the Foreman's name only. */
public record KatelloNames(String name) {
    public static KatelloNames of(Foreman foreman) {
        return new KatelloNames(foreman.getMetadata().getName());
    }

    /** Candlepin's Deployment and Service. */
    public String candlepin() {
        return name + "-candlepin";
    }

    /** Candlepin's database connection (POSTGRES_* keys): generated with a managed database, the user's else. */
    public String candlepinDatabaseSecret() {
        return name + "-candlepin-db";
    }

    /** The OAuth secret Katello and Candlepin share (data: kept). */
    public String candlepinOauthSecret() {
        return name + "-candlepin-oauth";
    }

    /** Candlepin's CA key pair that signs entitlement certificates (data: kept). */
    public String candlepinCaSecret() {
        return name + "-candlepin-ca";
    }

    /** Candlepin's TLS server certificate from the suite CA (data: kept). */
    public String candlepinTlsSecret() {
        return name + "-candlepin-tls";
    }

    /** candlepin.conf, server.xml and tomcat.conf (carries passwords: a Secret, rebuilt each reconcile). */
    public String candlepinConfigSecret() {
        return name + "-candlepin-config";
    }

    /** The Job creating Candlepin's role and database on the managed PostgreSQL. */
    public String candlepinDatabaseJob(String hash) {
        return name + "-candlepin-db-" + hash.substring(0, 10);
    }

    /** katello.yaml and the CA Foreman verifies Candlepin with. */
    public String katelloSecret() {
        return name + "-katello";
    }

    /** The child Pulp. */
    public String pulp() {
        return name + "-pulp";
    }

    /** The settings the child Pulp needs for Katello (its custom_pulp_settings). */
    public String pulpSettings() {
        return name + "-pulp-katello-settings";
    }

    /** The child SmartProxy. */
    public String smartProxy() {
        return name + "-proxy";
    }
}
