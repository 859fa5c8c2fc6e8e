package org.theforeman.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The Foreman a Smart Proxy (or a Pulp) registers with: one of this suite by name, or an external one. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@ValidationRule(
        value = "has(self.name) != has(self.url)",
        message = "foreman needs exactly one of name (a Foreman in this namespace) and url (an external Foreman)")
@ValidationRule(
        value = "!has(self.url) || has(self.credentials_secret)",
        message = "foreman.credentials_secret is required with foreman.url",
        fieldPath = ".credentials_secret")
public class ForemanReference {
    @JsonPropertyDescription("Name of a Foreman resource in the same namespace.")
    @Size(max = 253)
    @ValidationRule(value = Cel.NAME, message = "must be the name of a Foreman in this namespace" + Cel.NAME_RULES)
    private String name;

    @JsonPropertyDescription("URL of an external Foreman, e.g. https://foreman.example.com.")
    @Size(max = 2048)
    @ValidationRule(value = Cel.URL_HTTP, message = Cel.URL_HTTP_MESSAGE)
    @ValidationRule(value = Cel.URL_HOST, message = Cel.URL_HOST_MESSAGE)
    @ValidationRule(value = Cel.URL_PORT, message = Cel.URL_PORT_MESSAGE)
    private String url;

    @JsonProperty("credentials_secret")
    @Size(max = 253)
    @ValidationRule(value = Cel.NAME, message = Cel.SECRET_NAME)
    @JsonPropertyDescription(
            "Secret with the credentials for an external Foreman: oauth_consumer_key and oauth_consumer_secret,"
                    + " or username and password; optionally ca.crt to verify its certificate.")
    private String credentialsSecret;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getCredentialsSecret() {
        return credentialsSecret;
    }

    public void setCredentialsSecret(String credentialsSecret) {
        this.credentialsSecret = credentialsSecret;
    }
}
