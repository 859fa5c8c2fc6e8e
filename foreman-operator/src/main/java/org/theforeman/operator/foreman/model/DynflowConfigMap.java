package org.theforeman.operator.foreman.model;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.foreman.DynflowRole;
import org.theforeman.operator.foreman.ForemanNames;

/**
 * The sidekiq configurations of the dynflow processes, mounted at {@value #DIR}: one file per role, as
 * {@code sidekiq -C /etc/foreman/dynflow/<role>.yml} reads it (the orchestrator's single thread and queue,
 * the workers' queues). No secret in it.
 */
public final class DynflowConfigMap {
    public static final String DIR = "/etc/foreman/dynflow";
    public static final String COMPONENT = "dynflow";

    private DynflowConfigMap() {}

    public static ConfigMap desired(Foreman foreman) {
        return new ConfigMapBuilder()
                .withMetadata(
                        ForemanMeta.owned(foreman, ForemanNames.of(foreman).dynflowConfig(), COMPONENT))
                .withData(files())
                .build();
    }

    public static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        for (DynflowRole role : DynflowRole.values()) {
            files.put(role.sidekiq().file(), render(role.sidekiq()));
        }
        return files;
    }

    static String render(DynflowRole.Sidekiq sidekiq) {
        StringBuilder yaml = new StringBuilder("---\n:concurrency: ")
                .append(sidekiq.concurrency())
                .append("\n:queues:\n");
        sidekiq.queues().forEach(queue -> yaml.append("  - ").append(queue).append('\n'));
        return yaml.toString();
    }
}
