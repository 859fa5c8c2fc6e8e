package org.theforeman.operator.pulp.model;

import io.fabric8.kubernetes.api.model.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.pulp.PulpNames;

/**
 * Credentials of the managed PostgreSQL, in the keys of an external database's Secret, so that the
 * pods read both the same way. The password is generated once.
 */
public final class ManagedDatabaseSecret {
    public static final String DATABASE = "pulp";
    public static final String USER = "pulp";

    private ManagedDatabaseSecret() {}

    public static Secret desired(Pulp pulp, Secret existing) {
        PulpNames names = PulpNames.of(pulp);
        Map<String, Supplier<String>> values = new LinkedHashMap<>();
        values.put("POSTGRES_HOST", names::postgres);
        values.put("POSTGRES_PORT", () -> Integer.toString(PostgresService.PORT));
        values.put("POSTGRES_USERNAME", () -> USER);
        values.put("POSTGRES_PASSWORD", () -> GeneratedSecret.RANDOM.alphanumeric(32));
        values.put("POSTGRES_DB_NAME", () -> DATABASE);
        values.put("POSTGRES_SSLMODE", () -> "prefer");
        return GeneratedSecret.desired(pulp, names.managedDatabaseSecret(), "database", existing, values);
    }
}
