package org.theforeman.operator.smartproxy.components;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.ConditionTypes.SmartProxyConditions;
import org.theforeman.operator.api.v1alpha1.SmartProxy;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.resources.ConfigHash;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.common.workload.DeploymentReadiness;
import org.theforeman.operator.smartproxy.model.ConfigConfigMap;
import org.theforeman.operator.smartproxy.model.ProxyDeployment;
import org.theforeman.operator.smartproxy.model.ProxyEndpoint;
import org.theforeman.operator.smartproxy.model.ProxyExposure;
import org.theforeman.operator.smartproxy.model.ProxyFeatures;
import org.theforeman.operator.smartproxy.model.ProxyNames;
import org.theforeman.operator.smartproxy.model.ProxyService;
import org.theforeman.operator.smartproxy.model.ProxySettings;

/**
 * ProxyReady: the configuration, the Deployment, its Service and the optional Ingress or Route. The
 * pod template's config hash covers the configuration files, the certificates and the SSH key, so a change
 * of any of them rolls the pods once, and nothing else does.
 */
public final class ProxyServer {
    /** The Deployment as it now is (null before its first apply) and its condition. */
    public record Result(ComponentState state, Deployment deployment) {}

    private ProxyServer() {}

    public static Result reconcile(
            ManagedObjects<SmartProxy> objects,
            ProxyFeatures features,
            ForemanLink.Target foreman,
            ProxyEndpoint endpoint,
            String tlsDigest,
            String sshPublicKey) {
        SmartProxy proxy = objects.primary();
        List<String> trustedHosts = proxy.getSpec().getTrustedHosts() != null
                ? proxy.getSpec().getTrustedHosts()
                : ProxySettings.defaultTrustedHosts(foreman.url());
        String foremanCaSecret = foreman.credentials().caPem().isPresent() ? foreman.credentialsSecret() : null;
        Map<String, String> files = ProxySettings.files(
                features, new ProxySettings.Inputs(foreman.url(), trustedHosts, endpoint, foremanCaSecret != null));
        objects.apply(ConfigConfigMap.desired(proxy, files));
        String hash = ConfigHash.of(
                files, tlsDigest, sshPublicKey, foreman.credentials().caPem().orElse(null));
        Deployment deployment = objects.apply(ProxyDeployment.desired(
                proxy,
                new ProxyDeployment.Inputs(
                        hash,
                        new ArrayList<>(files.keySet()),
                        features.pluginEnv(),
                        features.needsSshKey(),
                        foremanCaSecret)));
        objects.apply(ProxyService.desired(proxy));
        String name = ProxyNames.of(proxy).proxy();
        objects.reconcile(Ingress.class, name, ProxyExposure.ingress(proxy));
        GenericKubernetesResource route = ProxyExposure.route(proxy);
        if (route != null) {
            // No informer for Routes (an OpenShift-only API): read, then write only on drift.
            objects.applier()
                    .apply(
                            route,
                            objects.client()
                                    .genericKubernetesResources(
                                            ProxyExposure.ROUTE_API_VERSION, ProxyExposure.ROUTE_KIND)
                                    .inNamespace(objects.namespace())
                                    .withName(name)
                                    .get());
        }
        return new Result(
                DeploymentReadiness.of(
                        SmartProxyConditions.PROXY_READY, deployment, ProxyDeployment.image(proxy.getSpec())),
                deployment);
    }

    /** Ready pods, for status. */
    public static Integer readyPods(Deployment deployment) {
        return DeploymentReadiness.readyPods(deployment);
    }
}
