package org.theforeman.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * Smart Proxy features (settings.d/&lt;feature&gt;.yml). A feature absent here is disabled, as in the
 * upstream image.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "!has(self.ansible) || !has(self.ansible.enabled) || !self.ansible.enabled || "
                + "(has(self.remote_execution_ssh) && (!has(self.remote_execution_ssh.enabled) || "
                + "self.remote_execution_ssh.enabled))",
        message = "features.ansible needs features.remote_execution_ssh: Ansible jobs run through it")
public class SmartProxyFeatures {
    @JsonPropertyDescription("Exposes the proxy's log buffer to Foreman.")
    private Feature logs;

    @JsonPropertyDescription("The proxy's own Dynflow executor (required by remote_execution_ssh and ansible).")
    private Feature dynflow;

    @JsonProperty("remote_execution_ssh")
    @JsonPropertyDescription("Runs remote execution jobs on hosts over SSH or pull-mqtt.")
    private RemoteExecutionSshFeature remoteExecutionSsh;

    @JsonPropertyDescription("Serves provisioning templates to hosts that cannot reach Foreman.")
    private Feature templates;

    @JsonPropertyDescription("Proxies host registration to Foreman.")
    private Feature registration;

    @JsonPropertyDescription("Runs Ansible roles and playbooks (needs remote_execution_ssh).")
    private Feature ansible;

    @JsonProperty("container_gateway")
    @JsonPropertyDescription("Serves container content from a Pulp to hosts (Katello).")
    private Feature containerGateway;

    @JsonPropertyDescription("Baseboard management controller (IPMI/Redfish) power control.")
    private Feature bmc;

    public Feature getLogs() {
        return logs;
    }

    public void setLogs(Feature logs) {
        this.logs = logs;
    }

    public Feature getDynflow() {
        return dynflow;
    }

    public void setDynflow(Feature dynflow) {
        this.dynflow = dynflow;
    }

    public RemoteExecutionSshFeature getRemoteExecutionSsh() {
        return remoteExecutionSsh;
    }

    public void setRemoteExecutionSsh(RemoteExecutionSshFeature remoteExecutionSsh) {
        this.remoteExecutionSsh = remoteExecutionSsh;
    }

    public Feature getTemplates() {
        return templates;
    }

    public void setTemplates(Feature templates) {
        this.templates = templates;
    }

    public Feature getRegistration() {
        return registration;
    }

    public void setRegistration(Feature registration) {
        this.registration = registration;
    }

    public Feature getAnsible() {
        return ansible;
    }

    public void setAnsible(Feature ansible) {
        this.ansible = ansible;
    }

    public Feature getContainerGateway() {
        return containerGateway;
    }

    public void setContainerGateway(Feature containerGateway) {
        this.containerGateway = containerGateway;
    }

    public Feature getBmc() {
        return bmc;
    }

    public void setBmc(Feature bmc) {
        this.bmc = bmc;
    }
}
