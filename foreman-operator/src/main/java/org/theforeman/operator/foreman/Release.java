package org.theforeman.operator.foreman;

import java.util.List;
import org.theforeman.operator.common.resources.ConfigHash;

/**
 * What the database schema depends on: the image and the plugins loaded from it. A new release runs the
 * migration Job named after it before any pod moves to it.
 *
 * @param plugins gem names for FOREMAN_ENABLED_PLUGINS, sorted
 */
public record Release(String image, List<String> plugins) {
    public Release {
        plugins = List.copyOf(plugins);
    }

    public String hash() {
        return ConfigHash.of(image, plugins);
    }

    /** The value of FOREMAN_ENABLED_PLUGINS (space separated; empty loads no plugin, unset would load all). */
    public String enabledPlugins() {
        return String.join(" ", plugins);
    }

    /** The image tag, shown as the version. */
    public String version() {
        int colon = image.lastIndexOf(':');
        return colon < 0 || image.indexOf('/', colon) >= 0 ? "unknown" : image.substring(colon + 1);
    }
}
