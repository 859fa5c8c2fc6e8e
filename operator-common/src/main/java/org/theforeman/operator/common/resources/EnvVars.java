package org.theforeman.operator.common.resources;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.Objects;

/** Environment variables of managed containers: secrets only by reference, never by value. */
public final class EnvVars {
    private EnvVars() {}

    /** A variable read from a Secret's key; the pod does not start while the key is missing. */
    public static EnvVar fromSecret(String name, String secret, String key) {
        return new EnvVarBuilder()
                .withName(name)
                .withNewValueFrom()
                .withNewSecretKeyRef(key, secret, null)
                .endValueFrom()
                .build();
    }

    /** A plain value. An empty one is left out, as the API server stores it: the variable is still set, to "". */
    public static EnvVar plain(String name, String value) {
        Objects.requireNonNull(value, name);
        return new EnvVarBuilder()
                .withName(name)
                .withValue(value.isEmpty() ? null : value)
                .build();
    }
}
