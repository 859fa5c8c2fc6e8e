package org.theforeman.operator.foreman;

import java.util.List;

/**
 * What a Foreman's desired state depends on besides its spec, resolved and checked before anything is
 * written: the release, where it is reached, and the user's Secrets it reads.
 *
 * @param release the image and plugin set the spec asks for
 * @param endpoint how Foreman is addressed (settings.yaml's fqdn, foreman_url and allowed hosts)
 * @param externalDatabase the external database, or null for the managed one
 * @param externalRedis the external Redis, or null for the managed one
 * @param encryptionKey where ENCRYPTION_KEY is read from (generated or adopted)
 * @param admin where the administrator's credentials are read from
 */
public record ForemanInputs(
        Release release,
        Endpoint endpoint,
        Database externalDatabase,
        Redis externalRedis,
        SecretKey encryptionKey,
        Admin admin) {

    public boolean managedDatabase() {
        return externalDatabase == null;
    }

    public boolean managedRedis() {
        return externalRedis == null;
    }

    /** A key of a Secret. */
    public record SecretKey(String secret, String key) {}

    /** The administrator: a username, and the Secret key holding the password. */
    public record Admin(String username, SecretKey password, String statusSecret) {}

    /**
     * @param fqdn the host name Foreman knows itself by (FOREMAN_FQDN)
     * @param url foreman_url, what users and proxies are sent to
     * @param hosts the Host headers Foreman accepts (Rails host authorization)
     */
    public record Endpoint(String fqdn, String url, List<String> hosts, String internalUrl) {}

    /**
     * A PostgreSQL connection; the password is kept only in memory and in the config Secret.
     *
     * @param caSecret a Secret with ca.crt to verify the server with, or null
     */
    public record Database(
            String host, String port, String username, String password, String name, String sslmode, String caSecret) {
        @Override
        public String toString() {
            return "Database[" + username + "@" + host + ":" + port + "/" + name + "]";
        }
    }

    /** A Redis server; the password (may be null) is kept only in memory and in the config Secret. */
    public record Redis(String host, String port, String password) {
        @Override
        public String toString() {
            return "Redis[" + host + ":" + port + "]";
        }
    }
}
