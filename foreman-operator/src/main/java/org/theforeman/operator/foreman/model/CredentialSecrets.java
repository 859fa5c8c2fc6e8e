package org.theforeman.operator.foreman.model;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.common.datastore.ManagedPostgres;
import org.theforeman.operator.common.resources.GeneratedSecrets;
import org.theforeman.operator.foreman.ForemanInputsResolver;
import org.theforeman.operator.foreman.ForemanNames;

/**
 * The generated credentials of a Foreman. Each is generated once and never replaced ({@link
 * GeneratedSecrets#complete}): {@code existing} is the Secret as read from the API server.
 */
public final class CredentialSecrets {
    public static final String COMPONENT = "credentials";
    static final GeneratedSecrets RANDOM = new GeneratedSecrets();
    /** The keys a SmartProxy's foreman.credentials_secret takes. */
    public static final String OAUTH_KEY = "oauth_consumer_key";

    public static final String OAUTH_SECRET = "oauth_consumer_secret";
    /** Database and role of the managed PostgreSQL. */
    public static final String DATABASE_NAME = "foreman";

    public static final String DATABASE_USER = "foreman";

    private CredentialSecrets() {}

    /** 32 random bytes as 64 hex characters (Foreman asks for at least 32). */
    public static Secret encryptionKey(Foreman foreman, Secret existing) {
        return generated(
                foreman,
                ForemanNames.of(foreman).encryptionKeySecret(),
                existing,
                Map.of(ForemanInputsResolver.ENCRYPTION_KEY, () -> RANDOM.hex(32)));
    }

    /** The seed's administrator, in the keys of status.adminSecret. */
    public static Secret admin(Foreman foreman, String username, Secret existing) {
        Map<String, Supplier<String>> values = new LinkedHashMap<>();
        values.put(ForemanInputsResolver.USERNAME, () -> username);
        values.put(ForemanInputsResolver.PASSWORD, () -> RANDOM.alphanumeric(24));
        return generated(foreman, ForemanNames.of(foreman).adminSecret(), existing, values);
    }

    /** The OAuth consumer of settings.yaml, in the keys of a SmartProxy's foreman.credentials_secret. */
    public static Secret oauth(Foreman foreman, Secret existing) {
        Map<String, Supplier<String>> values = new LinkedHashMap<>();
        values.put(OAUTH_KEY, () -> RANDOM.alphanumeric(32));
        values.put(OAUTH_SECRET, () -> RANDOM.alphanumeric(32));
        return generated(foreman, ForemanNames.of(foreman).oauthSecret(), existing, values);
    }

    /** Credentials of the managed PostgreSQL, in the keys of an external database's Secret. */
    public static Secret managedDatabase(Foreman foreman, Secret existing) {
        ForemanNames names = ForemanNames.of(foreman);
        Map<String, Supplier<String>> values = new LinkedHashMap<>();
        values.put(ManagedPostgres.HOST, names::postgres);
        values.put(ManagedPostgres.PORT_KEY, () -> Integer.toString(ManagedPostgres.PORT));
        values.put(ManagedPostgres.USERNAME, () -> DATABASE_USER);
        values.put(ManagedPostgres.PASSWORD, () -> RANDOM.alphanumeric(32));
        values.put(ManagedPostgres.DATABASE, () -> DATABASE_NAME);
        values.put(ManagedPostgres.SSLMODE, () -> "prefer");
        // The superuser's password: Katello's Candlepin gets its own role and database on the same server.
        values.put(CandlepinObjects.ADMIN_PASSWORD_KEY, () -> RANDOM.alphanumeric(32));
        return generated(foreman, names.managedDatabaseSecret(), existing, values);
    }

    private static Secret generated(
            Foreman foreman, String name, Secret existing, Map<String, Supplier<String>> generators) {
        return new SecretBuilder()
                .withMetadata(ForemanMeta.data(foreman, name, COMPONENT))
                .withType("Opaque")
                .withData(GeneratedSecrets.complete(existing, generators))
                .build();
    }
}
