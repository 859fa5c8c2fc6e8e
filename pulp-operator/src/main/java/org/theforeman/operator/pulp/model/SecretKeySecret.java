package org.theforeman.operator.pulp.model;

import io.fabric8.kubernetes.api.model.Secret;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.pulp.PulpInputsResolver;
import org.theforeman.operator.pulp.PulpNames;

/** Django's SECRET_KEY, when the spec names no pulp_secret_key Secret. Rotating it logs everyone out. */
public final class SecretKeySecret {
    private SecretKeySecret() {}

    public static Secret desired(Pulp pulp, Secret existing) {
        return GeneratedSecret.desired(
                pulp,
                PulpNames.of(pulp).secretKeySecret(),
                "secret-key",
                existing,
                Map.of(PulpInputsResolver.SECRET_KEY_KEY, () -> GeneratedSecret.RANDOM.alphanumeric(50)));
    }
}
