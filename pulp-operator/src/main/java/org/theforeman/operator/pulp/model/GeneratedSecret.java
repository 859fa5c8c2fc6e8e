package org.theforeman.operator.pulp.model;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.Map;
import java.util.function.Supplier;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.resources.GeneratedSecrets;

/** A Secret of generated values: created once, its values never replaced (see {@link GeneratedSecrets}). */
final class GeneratedSecret {
    static final GeneratedSecrets RANDOM = new GeneratedSecrets();

    private GeneratedSecret() {}

    static Secret desired(
            Pulp pulp, String name, String component, Secret existing, Map<String, Supplier<String>> generators) {
        return new SecretBuilder()
                .withMetadata(PulpMeta.data(pulp, name, component))
                .withType("Opaque")
                .withData(GeneratedSecrets.complete(existing, generators))
                .build();
    }
}
