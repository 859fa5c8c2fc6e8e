package org.theforeman.operator.common.resources;

import io.fabric8.kubernetes.api.model.Secret;
import java.util.LinkedHashMap;
import java.util.Map;
import org.theforeman.operator.common.apply.ResourceApplier;
import org.theforeman.operator.common.reconcile.ManagedObjects;

/**
 * A Secret of generated credentials, written so that no value is ever replaced: the Secret is read from
 * the API server (not from a cache that may lag) and every value it already holds wins over a freshly
 * generated one. Only keys it lacks are added; labels and ownership follow the desired object.
 */
public final class WriteOnceSecret {
    public static final String GENERATED_EVENT = "SecretGenerated";

    private WriteOnceSecret() {}

    /** @return the Secret's data as it now is in the cluster (base64 values) */
    public static Map<String, String> apply(ManagedObjects<?> objects, Secret desired) {
        Secret actual = objects.client()
                .secrets()
                .inNamespace(desired.getMetadata().getNamespace())
                .withName(desired.getMetadata().getName())
                .get();
        Secret completed = actual == null ? desired : keepExisting(desired, actual);
        if (objects.applier().apply(completed, actual) == ResourceApplier.Outcome.CREATED) {
            objects.events()
                    .normal(
                            objects.primary(),
                            GENERATED_EVENT,
                            "Generated Secret " + desired.getMetadata().getName());
        }
        return completed.getData();
    }

    static Secret keepExisting(Secret desired, Secret actual) {
        Map<String, String> data = new LinkedHashMap<>();
        if (desired.getData() != null) {
            data.putAll(desired.getData());
        }
        if (actual.getData() != null) {
            data.putAll(actual.getData());
        }
        desired.setData(data);
        return desired;
    }
}
