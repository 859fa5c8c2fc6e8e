package org.theforeman.operator.smartproxy.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.api.v1alpha1.SmartProxy;
import org.theforeman.operator.common.resources.ConfigHash;
import org.theforeman.operator.common.tls.CertificateRequest;
import org.theforeman.operator.common.tls.SuiteCa;

class ProxyBuildersTest {
    private static SmartProxy proxy(String spec) {
        SmartProxy proxy = Serialization.unmarshal("""
                apiVersion: app.theforeman.org/v1alpha1
                kind: SmartProxy
                metadata: {name: p, namespace: ns, uid: u-1}
                spec:
                  foreman: {url: 'https://foreman.example.com', credentials_secret: creds}
                %s
                """.formatted(spec), SmartProxy.class);
        return proxy;
    }

    private static ProxyDeployment.Inputs inputs(boolean ssh, String foremanCa) {
        return new ProxyDeployment.Inputs(
                "hash-1",
                List.of("settings.yml", "logs.yml", "dynflow.yml", "ansible.env"),
                "remote_execution_ssh",
                ssh,
                foremanCa);
    }

    private static VolumeMount mount(Container container, String path) {
        return container.getVolumeMounts().stream()
                .filter(m -> m.getMountPath().equals(path))
                .findFirst()
                .orElse(null);
    }

    @Test
    void theDeploymentRunsTheImageAsItsUserWithTheConfigAndCertificatesMounted() {
        SmartProxy proxy = proxy("""
                  version: "3.15"
                  replicas: 2
                  node_selector: {disk: ssd}
                  pod_labels: {team: infra}
                  env_vars: [{name: EXTRA, value: "1"}]
                """);
        Deployment deployment = ProxyDeployment.desired(proxy, inputs(true, "creds"));

        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("quay.io/foreman/foreman-proxy:3.15");
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(991L);
        assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(991L);
        assertThat(pod.getNodeSelector()).containsEntry("disk", "ssd");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels()).containsEntry("team", "infra");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry(ConfigHash.ANNOTATION, "hash-1");
        assertThat(container.getEnv().get(0).getName()).isEqualTo("FOREMAN_PROXY_ENABLED_PLUGINS");
        assertThat(container.getEnv().get(1).getName()).isEqualTo("EXTRA");
        assertThat(container.getPorts().get(0).getContainerPort()).isEqualTo(8443);
        assertThat(container.getReadinessProbe().getHttpGet().getScheme()).isEqualTo("HTTPS");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/version");

        assertThat(mount(container, "/etc/foreman-proxy/settings.yml").getSubPath())
                .isEqualTo("settings.yml");
        assertThat(mount(container, "/etc/foreman-proxy/ansible.env").getSubPath())
                .isEqualTo("ansible.env");
        assertThat(mount(container, "/etc/foreman-proxy/settings.d")).isNotNull();
        assertThat(mount(container, "/etc/foreman-proxy/tls/server")).isNotNull();
        assertThat(mount(container, "/etc/foreman-proxy/tls/client")).isNotNull();
        assertThat(mount(container, "/etc/foreman-proxy/tls/foreman")).isNotNull();
        assertThat(mount(container, "/etc/foreman-proxy/ssh")).isNotNull();
        Map<String, Volume> volumes = pod.getVolumes().stream().collect(Collectors.toMap(Volume::getName, v -> v));
        assertThat(volumes.get("features").getConfigMap().getItems())
                .extracting(i -> i.getKey())
                .containsExactly("logs.yml", "dynflow.yml");
        assertThat(volumes.get("server-tls").getSecret().getSecretName()).isEqualTo("p-tls");
        assertThat(volumes.get("client-tls").getSecret().getSecretName()).isEqualTo("p-foreman-client-tls");
        // Only ca.crt of the credentials Secret reaches the pods, never the OAuth secret.
        assertThat(volumes.get("foreman-ca").getSecret().getItems())
                .extracting(i -> i.getKey())
                .containsExactly("ca.crt");
        assertThat(volumes.get("ssh-key").getSecret().getSecretName()).isEqualTo("p-ssh");
    }

    @Test
    void withoutRexOrAForemanCaThereIsNoKeyOrCaMount() {
        Deployment deployment = ProxyDeployment.desired(proxy(""), inputs(false, null));
        Container container =
                deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("quay.io/foreman/foreman-proxy:nightly");
        assertThat(mount(container, "/etc/foreman-proxy/ssh")).isNull();
        assertThat(mount(container, "/etc/foreman-proxy/tls/foreman")).isNull();
        assertThat(deployment.getMetadata().getOwnerReferences()).hasSize(1);
    }

    @Test
    void aUserCertificateServesBothRoles() {
        SmartProxy proxy = proxy("  tls: {secret: mine}\n");
        assertThat(ProxyNames.of(proxy).serverTls()).isEqualTo("mine");
        assertThat(ProxyNames.of(proxy).clientTls()).isEqualTo("mine");
    }

    @Test
    void theServiceFollowsServiceTypeAndTheIngressPassesTlsThrough() {
        Service service = ProxyService.desired(proxy("  service: {type: LoadBalancer, port: 443}\n"));
        assertThat(service.getSpec().getType()).isEqualTo("LoadBalancer");
        assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(443);
        assertThat(service.getSpec().getPorts().get(0).getTargetPort().getStrVal())
                .isEqualTo("https");

        SmartProxy exposed = proxy("  ingress: {type: ingress, host: proxy.example.com}\n");
        Ingress ingress = ProxyExposure.ingress(exposed);
        assertThat(ingress.getMetadata().getAnnotations())
                .containsEntry("nginx.ingress.kubernetes.io/ssl-passthrough", "true");
        assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("proxy.example.com");
        assertThat(ProxyExposure.route(exposed)).isNull();

        GenericKubernetesResource route =
                ProxyExposure.route(proxy("  ingress: {type: route, host: p.apps.example.com}\n"));
        assertThat(route.getAdditionalProperties().get("spec").toString()).contains("termination=passthrough");
    }

    @Test
    void generatedDataIsRetainedUnlessDeletionPolicyIsDelete() {
        SmartProxy kept = proxy("");
        SuiteCa ca = SuiteCa.generate("t", Instant.now());
        Secret tls = TlsSecret.desired(
                kept,
                "p-tls",
                "server-tls",
                ca.issue(
                        new CertificateRequest("p", List.of("p"), CertificateRequest.Usage.SERVER, Duration.ofDays(1)),
                        Instant.now()));
        assertThat(tls.getType()).isEqualTo("kubernetes.io/tls");
        assertThat(tls.getData()).containsKeys("tls.crt", "tls.key", "ca.crt");
        assertThat(tls.getMetadata().getOwnerReferences()).isNullOrEmpty();
        assertThat(SshKeySecret.desired(kept, "k", "ssh-rsa AAA").getMetadata().getOwnerReferences())
                .isNullOrEmpty();

        SmartProxy deleted = proxy("  deletion_policy: Delete\n");
        assertThat(SshKeySecret.desired(deleted, "k", "ssh-rsa AAA")
                        .getMetadata()
                        .getOwnerReferences())
                .hasSize(1);
    }

    @Test
    void theCertManagerCertificateNamesTheSecretTheIssuerAndBothUsages() {
        SmartProxy proxy = proxy("  tls: {issuer: {name: ca-issuer, kind: ClusterIssuer}}\n");
        GenericKubernetesResource certificate = ProxyCertificate.desired(proxy, ProxyEndpoint.of(proxy));
        String spec = certificate.getAdditionalProperties().get("spec").toString();
        assertThat(spec).contains("secretName=p-tls", "kind=ClusterIssuer", "server auth", "client auth", "p.ns.svc");
    }
}
