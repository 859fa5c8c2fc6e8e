package org.theforeman.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The initial Foreman administrator, created by the database seed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AdminSpec {
    @JsonPropertyDescription("Login of the initial administrator.")
    @Default("admin")
    @Size(max = 100)
    @ValidationRule(
            value = "self.matches('^[A-Za-z0-9_.@-]+$')",
            message = "must be a Foreman login: one or more letters, digits, '_', '.', '@' and '-'")
    private String username;

    @JsonProperty("password_secret")
    @Size(max = 253)
    @ValidationRule(value = Cel.NAME, message = Cel.SECRET_NAME)
    @JsonPropertyDescription("Secret with the administrator's password under key password; generated once when unset.")
    private String passwordSecret;

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPasswordSecret() {
        return passwordSecret;
    }

    public void setPasswordSecret(String passwordSecret) {
        this.passwordSecret = passwordSecret;
    }
}
