package org.theforeman.operator.smartproxy.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.Feature;
import org.theforeman.operator.api.v1alpha1.RemoteExecutionSshFeature;
import org.theforeman.operator.api.v1alpha1.SmartProxyFeatures;

/**
 * Which of the image's features are on. The image (quay.io/foreman/foreman-proxy) ships a settings file
 * for every module of smart-proxy itself and of its three plugins, all disabled; the operator writes one
 * per feature, so the proxy's configuration is complete and nothing depends on the image's defaults.
 */
public final class ProxyFeatures {
    /** Modules of smart-proxy and the plugins installed in the image, by settings file name. */
    public static final List<String> KNOWN = List.of(
            "logs",
            "dynflow",
            "remote_execution_ssh",
            "ansible",
            "templates",
            "registration",
            "container_gateway",
            "bmc",
            "dhcp",
            "dns",
            "facts",
            "httpboot",
            "puppet",
            "puppetca",
            "realm",
            "tftp");

    /**
     * Plugins the image installs as gems that load only when named in FOREMAN_PROXY_ENABLED_PLUGINS (its
     * bundler.d files test the variable); smart-proxy's own modules always load and obey :enabled: alone.
     */
    public static final List<String> GATED_PLUGINS = List.of("remote_execution_ssh", "ansible", "container_gateway");

    private final Map<String, Boolean> enabled;
    private final RemoteExecutionSshFeature remoteExecution;

    private ProxyFeatures(Map<String, Boolean> enabled, RemoteExecutionSshFeature remoteExecution) {
        this.enabled = enabled;
        this.remoteExecution = remoteExecution;
    }

    public static ProxyFeatures of(SmartProxyFeatures features) {
        SmartProxyFeatures f = features == null ? new SmartProxyFeatures() : features;
        Map<String, Boolean> on = new LinkedHashMap<>();
        for (String name : KNOWN) {
            on.put(name, false);
        }
        on.put("logs", isOn(f.getLogs()));
        on.put("remote_execution_ssh", isOn(f.getRemoteExecutionSsh()));
        on.put("ansible", isOn(f.getAnsible()));
        // Remote execution and Ansible run their jobs in the proxy's Dynflow executor.
        on.put("dynflow", isOn(f.getDynflow()) || on.get("remote_execution_ssh") || on.get("ansible"));
        on.put("templates", isOn(f.getTemplates()));
        on.put("registration", isOn(f.getRegistration()));
        on.put("container_gateway", isOn(f.getContainerGateway()));
        on.put("bmc", isOn(f.getBmc()));
        return new ProxyFeatures(on, f.getRemoteExecutionSsh());
    }

    private static boolean isOn(Feature feature) {
        return feature != null && feature.isOn();
    }

    public boolean isOn(String feature) {
        return enabled.getOrDefault(feature, false);
    }

    /** Names of the enabled features, in the order of {@link #KNOWN}. */
    public List<String> enabled() {
        List<String> names = new ArrayList<>();
        enabled.forEach((name, on) -> {
            if (on) {
                names.add(name);
            }
        });
        return names;
    }

    /** The value of FOREMAN_PROXY_ENABLED_PLUGINS: the gated plugins to load, space separated ("" = none). */
    public String pluginEnv() {
        return String.join(" ", GATED_PLUGINS.stream().filter(this::isOn).toList());
    }

    public RemoteExecutionSshFeature remoteExecution() {
        return remoteExecution;
    }

    /** The REX mode's value in the plugin's settings (ssh when unset). */
    public String remoteExecutionMode() {
        return remoteExecution == null || remoteExecution.getMode() == null
                ? RemoteExecutionSshFeature.Mode.ssh.wireName()
                : remoteExecution.getMode().wireName();
    }

    /** Whether the REX SSH key pair is mounted: with the feature on, in every mode (ssh uses it, pull ignores it). */
    public boolean needsSshKey() {
        return isOn("remote_execution_ssh");
    }
}
