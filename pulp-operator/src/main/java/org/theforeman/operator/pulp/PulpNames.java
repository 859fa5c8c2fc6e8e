package org.theforeman.operator.pulp;

import org.theforeman.operator.api.v1alpha1.Pulp;

/** Names of everything the operator makes for a Pulp, derived from the Pulp's name only. */
public final class PulpNames {
    public static final String APPLICATION = "pulp";

    private final String name;

    private PulpNames(String name) {
        this.name = name;
    }

    public static PulpNames of(Pulp pulp) {
        return new PulpNames(pulp.getMetadata().getName());
    }

    public String adminPasswordSecret() {
        return name + "-admin-password";
    }

    public String secretKeySecret() {
        return name + "-secret-key";
    }

    public String dbFieldsEncryptionSecret() {
        return name + "-db-fields-encryption";
    }

    /** Credentials of the managed PostgreSQL, in the same keys as an external database's Secret. */
    public String managedDatabaseSecret() {
        return name + "-postgres";
    }

    public String postgres() {
        return name + "-postgres";
    }

    public String redis() {
        return name + "-redis";
    }

    public String settings() {
        return name + "-settings";
    }

    public String fileStorageClaim() {
        return name + "-file-storage";
    }

    /** One migration Job per image: a new image means a new Job, an unchanged one reuses the finished Job. */
    public String migrationJob(String imageHash) {
        return name + "-migrate-" + imageHash.substring(0, 10);
    }

    public String component(PulpComponent component) {
        return name + "-" + component.id();
    }

    public String web() {
        return name + "-web";
    }

    public String webConfig() {
        return name + "-web-config";
    }

    public String ingress() {
        return name;
    }
}
