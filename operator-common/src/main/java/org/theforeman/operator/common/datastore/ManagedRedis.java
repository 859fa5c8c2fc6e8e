package org.theforeman.operator.common.datastore;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.Map;
import java.util.Objects;
import org.theforeman.operator.api.v1alpha1.CacheSpec;
import org.theforeman.operator.common.resources.PodSecurity;

/**
 * A managed Redis-compatible server (valkey), without a volume: a restart empties it, which a cache and a
 * Dynflow queue survive (Dynflow keeps its state in the database). An external one is named by a Secret
 * with {@link #HOST}, {@link #PORT_KEY} and optionally {@link #PASSWORD} and {@link #DB}.
 */
public final class ManagedRedis {
    public static final String DEFAULT_IMAGE = "quay.io/sclorg/valkey-8-c10s:latest";
    public static final String COMPONENT = "cache";
    public static final int PORT = 6379;

    public static final String HOST = "REDIS_HOST";
    public static final String PORT_KEY = "REDIS_PORT";
    public static final String PASSWORD = "REDIS_PASSWORD";
    public static final String DB = "REDIS_DB";

    /** uid of the default user of the sclorg images. */
    static final long REDIS_UID = 1001L;

    private ManagedRedis() {}

    /**
     * @param metadata name, labels and owner of the Deployment; its labels also label the pod
     * @param selector the stable labels selecting the pod
     */
    public static Deployment deployment(ObjectMeta metadata, Map<String, String> selector, CacheSpec spec) {
        CacheSpec cache = Objects.requireNonNullElseGet(spec, CacheSpec::new);
        return new DeploymentBuilder()
                .withMetadata(metadata)
                .withNewSpec()
                .withReplicas(1)
                .withNewSelector()
                .withMatchLabels(selector)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(metadata.getLabels())
                .endMetadata()
                .withNewSpec()
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withSecurityContext(PodSecurity.pod(REDIS_UID, null, null))
                .addNewContainer()
                .withName("redis")
                .withImage(Objects.requireNonNullElse(cache.getRedisImage(), DEFAULT_IMAGE))
                .addNewPort()
                .withName("redis")
                .withContainerPort(PORT)
                .endPort()
                .withNewReadinessProbe()
                .withNewTcpSocket()
                .withNewPort(PORT)
                .endTcpSocket()
                .withPeriodSeconds(5)
                .endReadinessProbe()
                .withResources(cache.getRedisResourceRequirements())
                .withSecurityContext(PodSecurity.container())
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }
}
