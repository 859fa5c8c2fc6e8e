package org.theforeman.operator.pulp.model;

import io.fabric8.kubernetes.api.model.Secret;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.pulp.PulpInputsResolver;
import org.theforeman.operator.pulp.PulpNames;

/**
 * The Fernet key (32 random bytes, URL-safe base64) that encrypts credentials pulpcore stores in the
 * database, when the spec names no db_fields_encryption_secret. Losing it makes them unreadable.
 */
public final class DbFieldsEncryptionSecret {
    private DbFieldsEncryptionSecret() {}

    public static Secret desired(Pulp pulp, Secret existing) {
        return GeneratedSecret.desired(
                pulp,
                PulpNames.of(pulp).dbFieldsEncryptionSecret(),
                "db-fields-encryption",
                existing,
                Map.of(PulpInputsResolver.DB_FIELDS_KEY, () -> GeneratedSecret.RANDOM.urlSafeBase64(32) + "\n"));
    }
}
