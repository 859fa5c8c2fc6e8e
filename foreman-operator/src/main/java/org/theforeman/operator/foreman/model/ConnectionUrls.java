package org.theforeman.operator.foreman.model;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.theforeman.operator.foreman.ForemanInputs.Database;
import org.theforeman.operator.foreman.ForemanInputs.Redis;

/**
 * DATABASE_URL and the Redis URLs. Every part a user chooses is percent-encoded, so a password with
 * {@code @ : / ? # %} or spaces cannot change where the URL points. They carry passwords: they reach the
 * pods only through the config Secret.
 */
public final class ConnectionUrls {
    /** Connections per process, as foremanctl configures (puma threads and sidekiq concurrency share it). */
    public static final int POOL = 9;
    /** Where the pods find the database server's CA when the external database Secret has ca.crt. */
    public static final String DATABASE_CA_PATH = "/etc/foreman/db-ca/ca.crt";
    /** Redis database numbers of foremanctl: 4 for the Rails cache, 6 for Dynflow. */
    public static final int CACHE_DB = 4;

    public static final int DYNFLOW_DB = 6;

    private ConnectionUrls() {}

    public static String database(Database db) {
        StringBuilder url = new StringBuilder("postgresql://")
                .append(encode(db.username()))
                .append(':')
                .append(encode(db.password()))
                .append('@')
                .append(host(db.host()))
                .append(':')
                .append(db.port())
                .append('/')
                .append(encode(db.name()))
                .append("?pool=")
                .append(POOL)
                .append("&sslmode=")
                .append(encode(db.sslmode()));
        if (db.caSecret() != null) {
            url.append("&sslrootcert=").append(DATABASE_CA_PATH);
        }
        return url.toString();
    }

    public static String redis(Redis redis, int database) {
        String auth = redis.password() == null ? "" : ":" + encode(redis.password()) + "@";
        return "redis://" + auth + host(redis.host()) + ":" + redis.port() + "/" + database;
    }

    /** Percent-encoding of everything but RFC 3986's unreserved characters. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    /** IPv6 literals need brackets in a URL. */
    private static String host(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
