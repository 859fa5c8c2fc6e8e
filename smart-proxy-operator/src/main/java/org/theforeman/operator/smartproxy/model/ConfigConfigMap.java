package org.theforeman.operator.smartproxy.model;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.SmartProxy;

/** settings.yml, settings.d/*.yml and ansible.env ({@link ProxySettings}); no secret in it. */
public final class ConfigConfigMap {
    private ConfigConfigMap() {}

    public static ConfigMap desired(SmartProxy proxy, Map<String, String> files) {
        return new ConfigMapBuilder()
                .withMetadata(ProxyMeta.owned(proxy, ProxyNames.of(proxy).config(), "config"))
                .withData(files)
                .build();
    }
}
