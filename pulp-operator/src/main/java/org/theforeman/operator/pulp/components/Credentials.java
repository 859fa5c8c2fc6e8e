package org.theforeman.operator.pulp.components;

import io.fabric8.kubernetes.api.model.Secret;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.api.v1alpha1.PulpSpec;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.resources.WriteOnceSecret;
import org.theforeman.operator.pulp.PulpInputs;
import org.theforeman.operator.pulp.PulpNames;
import org.theforeman.operator.pulp.model.AdminPasswordSecret;
import org.theforeman.operator.pulp.model.DbFieldsEncryptionSecret;
import org.theforeman.operator.pulp.model.ManagedDatabaseSecret;
import org.theforeman.operator.pulp.model.SecretKeySecret;

/**
 * The generated credentials a Pulp needs and the user did not provide: the admin password, Django's
 * SECRET_KEY, the key that encrypts database fields, and the managed database's password. Generated once,
 * never replaced, kept when the Pulp is deleted (unless deletion_policy is Delete).
 */
public final class Credentials {
    private Credentials() {}

    public static void reconcile(ManagedObjects<Pulp> objects, PulpInputs inputs) {
        Pulp pulp = objects.primary();
        PulpSpec spec = pulp.getSpec();
        PulpNames names = PulpNames.of(pulp);
        if (spec.getAdminPasswordSecret() == null) {
            WriteOnceSecret.apply(
                    objects, AdminPasswordSecret.desired(pulp, cached(objects, names.adminPasswordSecret())));
        }
        if (spec.getPulpSecretKey() == null) {
            WriteOnceSecret.apply(objects, SecretKeySecret.desired(pulp, cached(objects, names.secretKeySecret())));
        }
        if (spec.getDbFieldsEncryptionSecret() == null) {
            WriteOnceSecret.apply(
                    objects, DbFieldsEncryptionSecret.desired(pulp, cached(objects, names.dbFieldsEncryptionSecret())));
        }
        if (inputs.managedDatabase()) {
            WriteOnceSecret.apply(
                    objects, ManagedDatabaseSecret.desired(pulp, cached(objects, names.managedDatabaseSecret())));
        }
    }

    private static Secret cached(ManagedObjects<Pulp> objects, String name) {
        return objects.cached(Secret.class, name);
    }
}
