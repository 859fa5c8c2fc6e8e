package org.theforeman.operator.foreman;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.theforeman.operator.api.v1alpha1.ForemanSpec;

/**
 * The gems of the Foreman image that spec.plugins turns on, for FOREMAN_ENABLED_PLUGINS (the image's
 * bundler files load a plugin only when named there). foreman-tasks comes with the plugins that need it,
 * as foremanctl's feature dependencies add it.
 */
public final class ForemanPlugins {
    public static final String TASKS = "foreman-tasks";

    private static final Map<String, String> GEMS = Map.of(
            "katello", "katello",
            "remote_execution", "foreman_remote_execution",
            "ansible", "foreman_ansible",
            "webhooks", "foreman_webhooks",
            "google", "foreman_google",
            "azure_rm", "foreman_azure_rm",
            "kubevirt", "foreman_kubevirt",
            "rh_cloud", "foreman_rh_cloud");

    private static final Set<String> NEED_TASKS = Set.of("katello", "remote_execution", "ansible", "rh_cloud");

    private ForemanPlugins() {}

    /** Whether spec.plugins turns {@code plugin} on. */
    public static boolean enabled(ForemanSpec spec, String plugin) {
        return spec.getPlugins() != null
                && Boolean.TRUE.equals(spec.getPlugins().get(plugin));
    }

    /** Sorted gem names of the enabled plugins and their dependencies. */
    public static TreeSet<String> gems(ForemanSpec spec) {
        TreeSet<String> gems = new TreeSet<>();
        if (spec.getPlugins() == null) {
            return gems;
        }
        spec.getPlugins().forEach((plugin, on) -> {
            if (Boolean.TRUE.equals(on) && GEMS.containsKey(plugin)) {
                gems.add(GEMS.get(plugin));
                if (NEED_TASKS.contains(plugin)) {
                    gems.add(TASKS);
                }
            }
        });
        return gems;
    }
}
