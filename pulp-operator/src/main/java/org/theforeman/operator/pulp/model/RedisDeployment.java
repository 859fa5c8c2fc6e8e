package org.theforeman.operator.pulp.model;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.CacheSpec;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.resources.StandardLabels;
import org.theforeman.operator.pulp.PulpNames;
import org.theforeman.operator.pulp.PulpPods;

/** The managed Redis-compatible cache (valkey). A cache only: no volume, a restart empties it. */
public final class RedisDeployment {
    public static final String DEFAULT_IMAGE = "quay.io/sclorg/valkey-8-c10s:latest";
    public static final String COMPONENT = "cache";

    private RedisDeployment() {}

    public static Deployment desired(Pulp pulp) {
        PulpNames names = PulpNames.of(pulp);
        CacheSpec cache = pulp.getSpec().getCache() == null
                ? new CacheSpec()
                : pulp.getSpec().getCache();
        Map<String, String> selector = StandardLabels.selector(pulp, PulpNames.APPLICATION, COMPONENT);
        return new DeploymentBuilder()
                .withMetadata(PulpMeta.owned(pulp, names.redis(), COMPONENT))
                .withNewSpec()
                .withReplicas(1)
                .withNewSelector()
                .withMatchLabels(selector)
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(PulpMeta.owned(pulp, names.redis(), COMPONENT).getLabels())
                .endMetadata()
                .withNewSpec()
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withRunAsUser(1001L)
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .endSecurityContext()
                .addNewContainer()
                .withName("redis")
                .withImage(cache.getRedisImage() != null ? cache.getRedisImage() : DEFAULT_IMAGE)
                .addNewPort()
                .withName("redis")
                .withContainerPort(PulpPods.REDIS_PORT)
                .endPort()
                .withNewReadinessProbe()
                .withNewTcpSocket()
                .withNewPort(PulpPods.REDIS_PORT)
                .endTcpSocket()
                .withPeriodSeconds(5)
                .endReadinessProbe()
                .withResources(cache.getRedisResourceRequirements())
                .withSecurityContext(PulpPods.containerSecurity())
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }
}
