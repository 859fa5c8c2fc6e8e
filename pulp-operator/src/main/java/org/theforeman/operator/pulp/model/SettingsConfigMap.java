package org.theforeman.operator.pulp.model;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.pulp.PulpInputs;
import org.theforeman.operator.pulp.PulpNames;
import org.theforeman.operator.pulp.PulpSettings;

/** pulpcore's settings file, mounted at /etc/pulp/settings.py. Holds no secret (see {@link PulpSettings}). */
public final class SettingsConfigMap {
    private SettingsConfigMap() {}

    public static ConfigMap desired(Pulp pulp, PulpInputs inputs) {
        return new ConfigMapBuilder()
                .withMetadata(PulpMeta.owned(pulp, PulpNames.of(pulp).settings(), "settings"))
                .withData(Map.of(PulpSettings.FILE, inputs.settings()))
                .build();
    }
}
