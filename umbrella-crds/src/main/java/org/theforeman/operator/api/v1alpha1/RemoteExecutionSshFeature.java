package org.theforeman.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Remote execution over SSH (smart_proxy_remote_execution_ssh). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "!has(self.mode) || self.mode != 'pull-mqtt' || has(self.mqtt_broker)",
        message = "remote_execution_ssh.mqtt_broker is required with mode pull-mqtt")
public class RemoteExecutionSshFeature extends Feature {
    /** The plugin's modes (smart_proxy_remote_execution_ssh Plugin::MODES). */
    public enum Mode {
        ssh,
        pull,
        @JsonProperty("pull-mqtt")
        pullMqtt;

        /** The value the plugin's settings file takes. */
        public String wireName() {
            return this == pullMqtt ? "pull-mqtt" : name();
        }
    }

    @JsonProperty("ssh_key_secret")
    @JsonPropertyDescription(
            "Secret with the SSH key pair under keys id_rsa_foreman_proxy and id_rsa_foreman_proxy.pub;"
                    + " generated once when unset.")
    @Size(max = 253)
    @ValidationRule(value = Cel.NAME, message = Cel.SECRET_NAME)
    private String sshKeySecret;

    @JsonPropertyDescription(
            "ssh (the proxy connects to hosts), pull (hosts poll for jobs) or pull-mqtt (hosts are notified over"
                    + " MQTT and pull jobs).")
    @Default("ssh")
    private Mode mode;

    @JsonProperty("mqtt_broker")
    @JsonPropertyDescription("Host name of the MQTT broker (mode pull-mqtt).")
    @Size(max = 253)
    @ValidationRule(value = Cel.HOST_OR_IP, message = Cel.HOST_OR_IP_MESSAGE)
    private String mqttBroker;

    @JsonProperty("mqtt_port")
    @JsonPropertyDescription("Port of the MQTT broker (mode pull-mqtt); 1883 when unset.")
    @Min(1)
    @Max(65535)
    private Integer mqttPort;

    public String getMqttBroker() {
        return mqttBroker;
    }

    public void setMqttBroker(String mqttBroker) {
        this.mqttBroker = mqttBroker;
    }

    public Integer getMqttPort() {
        return mqttPort;
    }

    public void setMqttPort(Integer mqttPort) {
        this.mqttPort = mqttPort;
    }

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
