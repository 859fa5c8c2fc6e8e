package org.theforeman.operator.smartproxy.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.theforeman.operator.api.v1alpha1.ExposureType;
import org.theforeman.operator.api.v1alpha1.Feature;
import org.theforeman.operator.api.v1alpha1.IngressSpec;
import org.theforeman.operator.api.v1alpha1.RemoteExecutionSshFeature;
import org.theforeman.operator.api.v1alpha1.SmartProxy;
import org.theforeman.operator.api.v1alpha1.SmartProxyFeatures;
import org.theforeman.operator.api.v1alpha1.SmartProxySpec;
import org.yaml.snakeyaml.Yaml;

class ProxySettingsTest {
    private static final ProxyEndpoint ENDPOINT = new ProxyEndpoint(
            "proxy.ns.svc", "https://proxy.ns.svc:8443", List.of("proxy", "proxy.ns", "proxy.ns.svc"));

    private static ProxySettings.Inputs inputs(boolean foremanCa) {
        return new ProxySettings.Inputs(
                "https://foreman.example.com", List.of("foreman.example.com"), ENDPOINT, foremanCa);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String text) {
        return (Map<String, Object>) new Yaml().load(text);
    }

    private static SmartProxyFeatures all() {
        SmartProxyFeatures f = new SmartProxyFeatures();
        f.setLogs(new Feature());
        f.setDynflow(new Feature());
        f.setRemoteExecutionSsh(new RemoteExecutionSshFeature());
        f.setAnsible(new Feature());
        f.setTemplates(new Feature());
        f.setRegistration(new Feature());
        f.setContainerGateway(new Feature());
        f.setBmc(new Feature());
        return f;
    }

    @Test
    void settingsYmlPointsAtTheMountedFilesAndForeman() {
        Map<String, Object> settings = yaml(ProxySettings.settings(inputs(true)));

        assertThat(settings)
                .containsEntry(":settings_directory", "/etc/foreman-proxy/settings.d")
                .containsEntry(":foreman_url", "https://foreman.example.com")
                .containsEntry(":trusted_hosts", List.of("foreman.example.com"))
                .containsEntry(":https_port", 8443)
                .containsEntry(":bind_host", "*")
                .containsEntry(":ssl_certificate", "/etc/foreman-proxy/tls/server/tls.crt")
                .containsEntry(":ssl_private_key", "/etc/foreman-proxy/tls/server/tls.key")
                .containsEntry(":ssl_ca_file", "/etc/foreman-proxy/tls/server/ca.crt")
                .containsEntry(":foreman_ssl_cert", "/etc/foreman-proxy/tls/client/tls.crt")
                .containsEntry(":foreman_ssl_key", "/etc/foreman-proxy/tls/client/tls.key")
                .containsEntry(":foreman_ssl_ca", "/etc/foreman-proxy/tls/foreman/ca.crt")
                .containsEntry(":log_file", "STDOUT")
                .doesNotContainKey(":http_port");
        assertThat(yaml(ProxySettings.settings(inputs(false)))).doesNotContainKey(":foreman_ssl_ca");
    }

    @Test
    void anEmptyTrustedHostsListDeniesAllAndAQuoteStaysAString() {
        Map<String, Object> settings = yaml(ProxySettings.settings(
                new ProxySettings.Inputs("https://it's.example.com", List.of(), ENDPOINT, false)));
        assertThat(settings)
                .containsEntry(":trusted_hosts", List.of())
                .containsEntry(":foreman_url", "https://it's.example.com");
    }

    @Test
    void noFeaturesListedMeansEveryFeatureFileSaysDisabled() {
        ProxyFeatures features = ProxyFeatures.of(null);
        Map<String, String> files = ProxySettings.files(features, inputs(false));

        assertThat(files.keySet()).contains("settings.yml").doesNotContain("ansible.env");
        for (String feature : ProxyFeatures.KNOWN) {
            assertThat(yaml(files.get(feature + ".yml"))).as(feature).isEqualTo(Map.of(":enabled", false));
        }
        assertThat(features.enabled()).isEmpty();
        assertThat(features.pluginEnv()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "logs",
                "dynflow",
                "remote_execution_ssh",
                "ansible",
                "templates",
                "registration",
                "container_gateway",
                "bmc"
            })
    void eachTypedFeatureTurnsOnAloneWithItsSettings(String only) {
        SmartProxyFeatures f = new SmartProxyFeatures();
        switch (only) {
            case "logs" -> f.setLogs(new Feature());
            case "dynflow" -> f.setDynflow(new Feature());
            case "remote_execution_ssh" -> f.setRemoteExecutionSsh(new RemoteExecutionSshFeature());
            case "ansible" -> {
                f.setAnsible(new Feature());
                f.setRemoteExecutionSsh(new RemoteExecutionSshFeature());
            }
            case "templates" -> f.setTemplates(new Feature());
            case "registration" -> f.setRegistration(new Feature());
            case "container_gateway" -> f.setContainerGateway(new Feature());
            case "bmc" -> f.setBmc(new Feature());
            default -> throw new IllegalArgumentException(only);
        }
        ProxyFeatures features = ProxyFeatures.of(f);
        Map<String, String> files = ProxySettings.files(features, inputs(false));

        assertThat(yaml(files.get(only + ".yml"))).containsEntry(":enabled", true);
        for (String other : ProxyFeatures.KNOWN) {
            boolean expected = other.equals(only)
                    || (other.equals("dynflow") && (only.equals("remote_execution_ssh") || only.equals("ansible")))
                    || (other.equals("remote_execution_ssh") && only.equals("ansible"));
            assertThat(yaml(files.get(other + ".yml")).get(":enabled"))
                    .as(other)
                    .isEqualTo(expected);
        }
    }

    @Test
    void everyFeatureOnRendersEachFeaturesSettings() {
        ProxyFeatures features = ProxyFeatures.of(all());
        Map<String, String> files = ProxySettings.files(features, inputs(true));

        assertThat(features.enabled())
                .containsExactly(
                        "logs",
                        "dynflow",
                        "remote_execution_ssh",
                        "ansible",
                        "templates",
                        "registration",
                        "container_gateway",
                        "bmc");
        assertThat(features.pluginEnv()).isEqualTo("remote_execution_ssh ansible container_gateway");
        assertThat(yaml(files.get("dynflow.yml")))
                .containsEntry(":enabled", true)
                .containsEntry(":database", null);
        assertThat(yaml(files.get("templates.yml"))).containsEntry(":template_url", "https://proxy.ns.svc:8443");
        assertThat(yaml(files.get("ansible.yml")))
                .containsEntry(":ansible_dir", "/usr/share/foreman-proxy")
                .containsEntry(":ansible_environment_file", "/etc/foreman-proxy/ansible.env");
        assertThat(yaml(files.get("bmc.yml"))).containsEntry(":bmc_default_provider", "freeipmi");
        assertThat(files.get("ansible.env"))
                .contains("export FOREMAN_URL=\"https://foreman.example.com\"\n")
                .contains("export FOREMAN_SSL_VERIFY=\"/etc/foreman-proxy/tls/foreman/ca.crt\"\n");
        // Modules the CRD does not offer stay off.
        for (String off : List.of("dhcp", "dns", "facts", "httpboot", "puppet", "puppetca", "realm", "tftp")) {
            assertThat(yaml(files.get(off + ".yml"))).isEqualTo(Map.of(":enabled", false));
        }
        assertThat(String.join("\n", files.values())).doesNotContain("password").doesNotContain("BEGIN");
    }

    @ParameterizedTest
    @EnumSource(RemoteExecutionSshFeature.Mode.class)
    void remoteExecutionModes(RemoteExecutionSshFeature.Mode mode) {
        RemoteExecutionSshFeature rex = new RemoteExecutionSshFeature();
        rex.setMode(mode);
        rex.setMqttBroker("mqtt.example.com");
        SmartProxyFeatures f = new SmartProxyFeatures();
        f.setRemoteExecutionSsh(rex);

        Map<String, Object> rexYaml =
                yaml(ProxySettings.files(ProxyFeatures.of(f), inputs(false)).get("remote_execution_ssh.yml"));

        assertThat(rexYaml)
                .containsEntry(":enabled", true)
                .containsEntry(":mode", mode.wireName())
                .containsEntry(":ssh_identity_key_file", "/etc/foreman-proxy/ssh/id_rsa_foreman_proxy");
        if (mode == RemoteExecutionSshFeature.Mode.pullMqtt) {
            assertThat(rexYaml)
                    .containsEntry(":mqtt_broker", "mqtt.example.com")
                    .containsEntry(":mqtt_port", 1883);
        } else {
            assertThat(rexYaml).doesNotContainKeys(":mqtt_broker", ":mqtt_port");
        }
    }

    @Test
    void disablingAFeatureExplicitlyTurnsItOff() {
        SmartProxyFeatures f = new SmartProxyFeatures();
        f.setLogs(new Feature(false));
        assertThat(ProxyFeatures.of(f).enabled()).isEmpty();
    }

    @Test
    void theEndpointIsTheServiceUnlessAHostOrAnIngressSaysOtherwise() {
        SmartProxy proxy = new SmartProxy();
        proxy.getMetadata().setName("proxy");
        proxy.getMetadata().setNamespace("ns");
        proxy.setSpec(new SmartProxySpec());
        assertThat(ProxyEndpoint.of(proxy).url()).isEqualTo("https://proxy.ns.svc:8443");
        assertThat(ProxyEndpoint.of(proxy).dnsNames())
                .containsExactly("proxy", "proxy.ns", "proxy.ns.svc", "proxy.ns.svc.cluster.local");

        proxy.getSpec().setHostname("proxy.example.com");
        assertThat(ProxyEndpoint.of(proxy).url()).isEqualTo("https://proxy.example.com:8443");
        assertThat(ProxyEndpoint.of(proxy).host()).isEqualTo("proxy.example.com");

        IngressSpec ingress = new IngressSpec();
        ingress.setType(ExposureType.route);
        ingress.setHost("proxy.apps.example.com");
        proxy.getSpec().setIngress(ingress);
        assertThat(ProxyEndpoint.of(proxy).url()).isEqualTo("https://proxy.apps.example.com");
        assertThat(ProxyEndpoint.of(proxy).dnsNames()).contains("proxy.example.com", "proxy.apps.example.com");
    }
}
