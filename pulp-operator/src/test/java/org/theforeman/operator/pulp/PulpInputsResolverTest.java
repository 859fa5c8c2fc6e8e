package org.theforeman.operator.pulp;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.api.v1alpha1.PulpSpec;
import org.theforeman.operator.common.resources.GeneratedSecrets;

class PulpInputsResolverTest {
    static Pulp pulp(String spec) {
        Pulp pulp = Serialization.unmarshal(
                "apiVersion: app.theforeman.org/v1alpha1\nkind: Pulp\nmetadata: {name: p, namespace: "
                        + "ns, uid: u1}\nspec: "
                        + spec,
                Pulp.class);
        return pulp;
    }

    static final class FakeLookup implements PulpInputsResolver.Lookup {
        final Map<String, Secret> secrets = new HashMap<>();
        final Map<String, ConfigMap> configMaps = new HashMap<>();

        FakeLookup secret(String name, Map<String, String> plain) {
            Map<String, String> data = new HashMap<>();
            plain.forEach((k, v) -> data.put(k, GeneratedSecrets.encode(v)));
            secrets.put(
                    name,
                    new SecretBuilder()
                            .withNewMetadata()
                            .withName(name)
                            .endMetadata()
                            .withData(data)
                            .build());
            return this;
        }

        @Override
        public Secret secret(String name) {
            return secrets.get(name);
        }

        @Override
        public ConfigMap configMap(String name) {
            return configMaps.get(name);
        }

        @Override
        public boolean claimExists(String name) {
            return false;
        }
    }

    @Test
    void defaultsToManagedDatabaseFileStorageAndGeneratedSecrets() {
        var result = PulpInputsResolver.resolve(pulp("{}"), new FakeLookup());
        assertThat(result.ok()).isTrue();
        PulpInputs inputs = result.inputs();
        assertThat(inputs.managedDatabase()).isTrue();
        assertThat(inputs.databaseSecret()).isEqualTo("p-postgres");
        assertThat(inputs.storage()).isEqualTo(PulpInputs.Storage.FILE_CLAIM);
        assertThat(inputs.storageName()).isEqualTo("p-file-storage");
        assertThat(inputs.adminPasswordSecret()).isEqualTo("p-admin-password");
        assertThat(inputs.contentOrigin()).isEqualTo("http://p-content.ns.svc:24816");
        assertThat(inputs.image()).isEqualTo("quay.io/pulp/pulp-minimal:" + PulpSpec.DEFAULT_VERSION);
    }

    @Test
    void missingSecretAndMissingKeyAreNamed() {
        var missing = PulpInputsResolver.resolve(pulp("{database: {external_db_secret: db}}"), new FakeLookup());
        assertThat(missing.problems()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo("SecretNotFound");
            assertThat(p.message())
                    .contains("Secret db")
                    .contains("database.external_db_secret")
                    .contains("POSTGRES_PASSWORD");
        });
        var lookup = new FakeLookup()
                .secret(
                        "db",
                        Map.of(
                                "POSTGRES_HOST",
                                "h",
                                "POSTGRES_PORT",
                                "5432",
                                "POSTGRES_USERNAME",
                                "u",
                                "POSTGRES_DB_NAME",
                                "d"));
        var noPassword = PulpInputsResolver.resolve(pulp("{database: {external_db_secret: db}}"), lookup);
        assertThat(noPassword.problems()).singleElement().satisfies(p -> {
            assertThat(p.condition()).isEqualTo("DatabaseReady");
            assertThat(p.reason()).isEqualTo("SecretKeyMissing");
            assertThat(p.message())
                    .isEqualTo("Secret db (spec.database.external_db_secret) has no key POSTGRES_PASSWORD");
        });
        lookup.secret(
                "db",
                Map.of(
                        "POSTGRES_HOST",
                        "h",
                        "POSTGRES_PORT",
                        "5432",
                        "POSTGRES_USERNAME",
                        "u",
                        "POSTGRES_DB_NAME",
                        "d",
                        "POSTGRES_PASSWORD",
                        "x"));
        var fixed = PulpInputsResolver.resolve(pulp("{database: {external_db_secret: db}}"), lookup);
        assertThat(fixed.ok()).isTrue();
        assertThat(fixed.inputs().managedDatabase()).isFalse();
        assertThat(fixed.inputs().databaseSecret()).isEqualTo("db");
    }

    @Test
    void customSettingsAreCheckedAndReservedOnesRefused() {
        FakeLookup lookup = new FakeLookup();
        lookup.configMaps.put(
                "extra",
                new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("extra")
                        .endMetadata()
                        .withData(Map.of("TOKEN_AUTH_DISABLED", "True", "DATABASES", "{}", "lower", "1"))
                        .build());
        var result = PulpInputsResolver.resolve(pulp("{custom_pulp_settings: extra}"), lookup);
        assertThat(result.problems())
                .extracting(InputProblem::reason)
                .containsExactlyInAnyOrder("ReservedCustomSetting", "InvalidCustomSetting");
        lookup.configMaps.put(
                "extra",
                new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("extra")
                        .endMetadata()
                        .withData(Map.of("TOKEN_AUTH_DISABLED", "True"))
                        .build());
        assertThat(PulpInputsResolver.resolve(pulp("{custom_pulp_settings: extra}"), lookup)
                        .inputs()
                        .customSettings())
                .containsEntry("TOKEN_AUTH_DISABLED", "True");
    }
}
