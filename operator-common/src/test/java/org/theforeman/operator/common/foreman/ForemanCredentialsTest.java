package org.theforeman.operator.common.foreman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.common.resources.GeneratedSecrets;

class ForemanCredentialsTest {
    private static Secret secret(Map<String, String> plain) {
        Map<String, String> data = new LinkedHashMap<>();
        plain.forEach((k, v) -> data.put(k, GeneratedSecrets.encode(v)));
        return new SecretBuilder()
                .withNewMetadata()
                .withName("creds")
                .endMetadata()
                .withData(data)
                .build();
    }

    @Test
    void oauthOrUserAndPassword() throws Exception {
        ForemanCredentials oauth = ForemanCredentials.fromSecret(
                secret(Map.of("oauth_consumer_key", "k", "oauth_consumer_secret", "s", "ca.crt", "PEM")));
        assertThat(oauth.isOAuth()).isTrue();
        assertThat(oauth.caPem()).contains("PEM");
        assertThat(oauth.toString()).doesNotContain("s\"").isEqualTo("OAuth consumer k");

        ForemanCredentials basic = ForemanCredentials.fromSecret(secret(Map.of("username", "admin", "password", "pw")));
        assertThat(basic.isOAuth()).isFalse();
        assertThat(basic.toString()).isEqualTo("user admin");
    }

    @Test
    void aMissingKeyIsNamed() {
        assertThatThrownBy(() -> ForemanCredentials.fromSecret(secret(Map.of("oauth_consumer_key", "k"))))
                .isInstanceOfSatisfying(ForemanCredentials.MissingKeyException.class, e -> {
                    assertThat(e.key()).isEqualTo("oauth_consumer_secret");
                    assertThat(e.getMessage()).isEqualTo("Secret creds has no key oauth_consumer_secret");
                });
        assertThatThrownBy(() -> ForemanCredentials.fromSecret(secret(Map.of())))
                .hasMessage("Secret creds has no key oauth_consumer_key (nor username and password)");
        assertThatThrownBy(() -> ForemanCredentials.fromSecret(secret(Map.of("username", "u"))))
                .hasMessage("Secret creds has no key password");
    }
}
