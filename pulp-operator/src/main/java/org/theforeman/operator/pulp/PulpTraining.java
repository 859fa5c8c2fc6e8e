package org.theforeman.operator.pulp;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.apply.DesiredState;
import org.theforeman.operator.pulp.model.AdminPasswordSecret;
import org.theforeman.operator.pulp.model.ApiDeployment;
import org.theforeman.operator.pulp.model.ComponentService;
import org.theforeman.operator.pulp.model.ContentDeployment;
import org.theforeman.operator.pulp.model.FileStorageClaim;
import org.theforeman.operator.pulp.model.ManagedDatabaseSecret;
import org.theforeman.operator.pulp.model.MigrationJob;
import org.theforeman.operator.pulp.model.PostgresService;
import org.theforeman.operator.pulp.model.PostgresStatefulSet;
import org.theforeman.operator.pulp.model.SettingsConfigMap;
import org.theforeman.operator.pulp.model.WorkerDeployment;

/**
 * The Pulp operator's part of the class-data training run: a default Pulp's desired objects built, mapped
 * to JSON and back as an informer would, and checked for drift, so that the archive holds these classes.
 */
final class PulpTraining implements Runnable {
    private static final String SAMPLE = """
            apiVersion: app.theforeman.org/v1alpha1
            kind: Pulp
            metadata: {name: pulp, namespace: training, uid: 00000000-0000-0000-0000-000000000000, generation: 1}
            spec: {file_storage_size: 2Gi}
            """;

    @Override
    public void run() {
        Pulp pulp = Serialization.unmarshal(SAMPLE, Pulp.class);
        PulpInputsResolver.Result resolved = PulpInputsResolver.resolve(pulp, new PulpInputsResolver.Lookup() {
            @Override
            public Secret secret(String name) {
                return null;
            }

            @Override
            public ConfigMap configMap(String name) {
                return null;
            }

            @Override
            public boolean claimExists(String name) {
                return false;
            }
        });
        PulpInputs inputs = resolved.inputs();
        List<HasMetadata> desired = new ArrayList<>(List.of(
                AdminPasswordSecret.desired(pulp, null),
                ManagedDatabaseSecret.desired(pulp, null),
                SettingsConfigMap.desired(pulp, inputs),
                PostgresStatefulSet.desired(pulp),
                PostgresService.desired(pulp),
                FileStorageClaim.desired(pulp),
                MigrationJob.desired(pulp, inputs),
                ApiDeployment.desired(pulp, inputs, inputs.image()),
                ContentDeployment.desired(pulp, inputs, inputs.image()),
                WorkerDeployment.desired(pulp, inputs, inputs.image()),
                ComponentService.api(pulp),
                ComponentService.content(pulp)));
        for (HasMetadata object : desired) {
            HasMetadata cached = Serialization.unmarshal(Serialization.asJson(object), object.getClass());
            DesiredState.isSatisfiedBy(object, cached, PulpOperator.NAME);
        }
    }
}
