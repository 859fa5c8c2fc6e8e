package org.theforeman.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Remote execution over SSH (smart_proxy_remote_execution_ssh). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RemoteExecutionSshFeature extends Feature {
    public enum Mode {
        ssh,
        @JsonProperty("pull-mqtt")
        pullMqtt
    }

    @JsonProperty("ssh_key_secret")
    @JsonPropertyDescription(
            "Secret with the SSH key pair under keys id_rsa_foreman_proxy and id_rsa_foreman_proxy.pub;"
                    + " generated once when unset.")
    @Size(max = 253)
    @ValidationRule(value = Cel.NAME, message = Cel.SECRET_NAME)
    private String sshKeySecret;

    @JsonPropertyDescription("ssh (the proxy connects to hosts) or pull-mqtt (hosts pull jobs).")
    @Default("ssh")
    private Mode mode;

    public String getSshKeySecret() {
        return sshKeySecret;
    }

    public void setSshKeySecret(String sshKeySecret) {
        this.sshKeySecret = sshKeySecret;
    }

    public Mode getMode() {
        return mode;
    }

    public void setMode(Mode mode) {
        this.mode = mode;
    }
}
