package org.theforeman.operator.common.resources;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.theforeman.operator.common.apply.DesiredState;
import org.theforeman.operator.common.apply.ResourceApplier;
import org.theforeman.operator.common.apply.ResourceApplier.Outcome;
import org.theforeman.operator.common.reconcile.ManagedObjects;

/**
 * A Secret of generated credentials, written so that no value is ever replaced. A cached Secret that
 * already holds every key and needs no write is used as it is. Otherwise the Secret is read from the API
 * server (the cache may lag) and every non-empty value it holds wins over a freshly generated one; a
 * missing Secret is created (never applied: a create cannot overwrite one made meanwhile, it meets 409
 * AlreadyExists and the Secret is read again), an existing one is applied with its resourceVersion (a
 * change made meanwhile is a 409 Conflict, and it is read again). Labels and ownership follow the desired
 * object.
 */
public final class WriteOnceSecret {
    public static final String GENERATED_EVENT = "SecretGenerated";
    private static final Logger log = LoggerFactory.getLogger(WriteOnceSecret.class);
    private static final int ATTEMPTS = 5;

    private WriteOnceSecret() {}

    /** What a write-through did: the Secret as it now is in the cluster, and whether it was written. */
    public record Written(Outcome outcome, Secret secret) {}

    /** @return the Secret's data as it now is in the cluster (base64 values) */
    public static Map<String, String> apply(ManagedObjects<?> objects, Secret desired) {
        String name = desired.getMetadata().getName();
        // At steady state the cached Secret already holds every key: nothing to generate or write, so no
        // read from the API server either (one per Secret and reconcile otherwise).
        Secret cached = objects.cached(Secret.class, name);
        if (cached != null) {
            Secret fromCache = keepExisting(copy(desired), cached);
            if (DesiredState.isSatisfiedBy(fromCache, cached, objects.applier().fieldManager())) {
                return fromCache.getData();
            }
        }
        Written written = writeThrough(objects.applier(), desired, read(objects.client(), desired));
        if (written.outcome() != Outcome.UNCHANGED) {
            objects.written(written.secret(), cached);
        }
        if (written.outcome() == Outcome.CREATED) {
            objects.events().normal(objects.primary(), GENERATED_EVENT, "Generated Secret " + name);
        }
        return written.secret().getData();
    }

    /**
     * Makes the Secret hold {@code desired}'s keys without replacing a value it has.
     *
     * @param actual the Secret as just read from the API server, or null when it did not exist
     */
    public static Written writeThrough(ResourceApplier applier, Secret desired, Secret actual) {
        KubernetesClient client = applier.client();
        for (int attempt = 1; ; attempt++) {
            try {
                if (actual == null) {
                    // A create, not an apply: it cannot replace a Secret made since the read.
                    Secret created = client.resource(copy(desired)).create();
                    log.info(
                            "created Secret {}/{}",
                            namespace(desired),
                            desired.getMetadata().getName());
                    return new Written(Outcome.CREATED, created);
                }
                Secret completed = keepExisting(copy(desired), actual);
                if (DesiredState.isSatisfiedBy(completed, actual, applier.fieldManager())) {
                    return new Written(Outcome.UNCHANGED, actual);
                }
                // The version read is a precondition: a value written since then is not overwritten.
                completed.getMetadata().setResourceVersion(actual.getMetadata().getResourceVersion());
                completed.getMetadata().setManagedFields(null);
                Secret updated = client.resource(completed)
                        .fieldManager(applier.fieldManager())
                        .forceConflicts()
                        .serverSideApply();
                log.info(
                        "updated Secret {}/{}",
                        namespace(desired),
                        desired.getMetadata().getName());
                return new Written(Outcome.UPDATED, updated);
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == ATTEMPTS) {
                    throw e;
                }
                actual = read(client, desired);
            }
        }
    }

    private static Secret read(KubernetesClient client, Secret desired) {
        return client.secrets()
                .inNamespace(namespace(desired))
                .withName(desired.getMetadata().getName())
                .get();
    }

    private static String namespace(Secret secret) {
        return secret.getMetadata().getNamespace();
    }

    private static Secret copy(Secret secret) {
        return new SecretBuilder(secret).build();
    }

    /** {@code desired} with every non-empty value of {@code actual} (and its other keys) kept. */
    static Secret keepExisting(Secret desired, Secret actual) {
        Map<String, String> data = new LinkedHashMap<>();
        if (desired.getData() != null) {
            data.putAll(desired.getData());
        }
        if (actual.getData() != null) {
            actual.getData().forEach((key, value) -> {
                if (value != null && !value.isEmpty() || !data.containsKey(key)) {
                    data.put(key, value);
                }
            });
        }
        desired.setData(data);
        return desired;
    }
}
