package org.theforeman.operator.common.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class GeneratedSecretsTest {
    private final GeneratedSecrets generator = new GeneratedSecrets();

    private Map<String, Supplier<String>> wanted() {
        Map<String, Supplier<String>> wanted = new LinkedHashMap<>();
        wanted.put("password", () -> generator.alphanumeric(32));
        wanted.put("secret_key", () -> generator.urlSafeBase64(32));
        return wanted;
    }

    @Test
    void generatesEveryKeyForANewSecret() {
        Map<String, String> data = GeneratedSecrets.complete(null, wanted());
        assertThat(data).containsOnlyKeys("password", "secret_key");
        assertThat(GeneratedSecrets.decode(data.get("password"))).matches("[A-Za-z0-9]{32}");
        assertThat(Base64.getUrlDecoder().decode(GeneratedSecrets.decode(data.get("secret_key"))))
                .hasSize(32);
    }

    @Test
    void neverOverwritesAnExistingValue() {
        Secret existing = new SecretBuilder()
                .withNewMetadata()
                .withName("s")
                .endMetadata()
                .addToData("password", GeneratedSecrets.encode("chosen-by-user"))
                .addToData("unrelated", GeneratedSecrets.encode("kept"))
                .build();
        for (int i = 0; i < 3; i++) {
            Map<String, String> data = GeneratedSecrets.complete(existing, wanted());
            assertThat(GeneratedSecrets.decode(data.get("password"))).isEqualTo("chosen-by-user");
            assertThat(GeneratedSecrets.decode(data.get("unrelated"))).isEqualTo("kept");
            assertThat(data).containsKey("secret_key");
        }
    }

    @Test
    void fillsOnlyMissingOrEmptyKeys() {
        Secret existing = new SecretBuilder().addToData("password", "").build();
        Map<String, String> first = GeneratedSecrets.complete(existing, wanted());
        assertThat(GeneratedSecrets.decode(first.get("password"))).hasSize(32);
        Secret stored = new SecretBuilder().withData(first).build();
        assertThat(GeneratedSecrets.complete(stored, wanted())).isEqualTo(first);
    }

    @Test
    void valuesAreRandom() {
        assertThat(generator.alphanumeric(24)).isNotEqualTo(generator.alphanumeric(24));
        assertThat(generator.hex(16)).matches("[0-9a-f]{32}");
    }
}
