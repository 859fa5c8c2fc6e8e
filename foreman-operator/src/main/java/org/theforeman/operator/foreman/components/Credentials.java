package org.theforeman.operator.foreman.components;

import io.fabric8.kubernetes.api.model.Secret;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.common.datastore.ManagedPostgres;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.resources.GeneratedSecrets;
import org.theforeman.operator.common.resources.WriteOnceSecret;
import org.theforeman.operator.foreman.ForemanInputs;
import org.theforeman.operator.foreman.ForemanNames;
import org.theforeman.operator.foreman.model.CredentialSecrets;

/**
 * The credentials a Foreman needs and the user did not provide: ENCRYPTION_KEY (unless adopted), the
 * administrator (unless adopted or named by admin.password_secret), the OAuth consumer and the managed
 * database's password. Generated once, never replaced, kept when the Foreman is deleted unless
 * deletion_policy is Delete. An adopted Secret is only read, never written.
 */
public final class Credentials {
    private Credentials() {}

    /**
     * The generated values other components render into the config Secret.
     *
     * @param databasePassword the managed database's password, or null with an external database
     */
    public record Generated(String oauthKey, String oauthSecret, String databasePassword) {
        @Override
        public String toString() {
            return "Generated[values hidden]";
        }
    }

    public static Generated reconcile(ManagedObjects<Foreman> objects, ForemanInputs inputs) {
        Foreman foreman = objects.primary();
        ForemanNames names = ForemanNames.of(foreman);
        if (inputs.encryptionKey().secret().equals(names.encryptionKeySecret())) {
            WriteOnceSecret.apply(
                    objects, CredentialSecrets.encryptionKey(foreman, cached(objects, names.encryptionKeySecret())));
        }
        if (inputs.admin().statusSecret().equals(names.adminSecret())) {
            WriteOnceSecret.apply(
                    objects,
                    CredentialSecrets.admin(foreman, inputs.admin().username(), cached(objects, names.adminSecret())));
        }
        Map<String, String> oauth =
                WriteOnceSecret.apply(objects, CredentialSecrets.oauth(foreman, cached(objects, names.oauthSecret())));
        String databasePassword = null;
        if (inputs.managedDatabase()) {
            Map<String, String> database = WriteOnceSecret.apply(
                    objects,
                    CredentialSecrets.managedDatabase(foreman, cached(objects, names.managedDatabaseSecret())));
            databasePassword = GeneratedSecrets.decode(database.get(ManagedPostgres.PASSWORD));
        }
        return new Generated(
                GeneratedSecrets.decode(oauth.get(CredentialSecrets.OAUTH_KEY)),
                GeneratedSecrets.decode(oauth.get(CredentialSecrets.OAUTH_SECRET)),
                databasePassword);
    }

    private static Secret cached(ManagedObjects<Foreman> objects, String name) {
        return objects.cached(Secret.class, name);
    }
}
