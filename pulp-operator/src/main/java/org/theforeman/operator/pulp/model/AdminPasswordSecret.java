package org.theforeman.operator.pulp.model;

import io.fabric8.kubernetes.api.model.Secret;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.pulp.PulpInputsResolver;
import org.theforeman.operator.pulp.PulpNames;

/** The admin user's password, when the spec names no admin_password_secret. */
public final class AdminPasswordSecret {
    private AdminPasswordSecret() {}

    public static Secret desired(Pulp pulp, Secret existing) {
        return GeneratedSecret.desired(
                pulp,
                PulpNames.of(pulp).adminPasswordSecret(),
                "admin",
                existing,
                Map.of(PulpInputsResolver.ADMIN_PASSWORD_KEY, () -> GeneratedSecret.RANDOM.alphanumeric(32)));
    }
}
