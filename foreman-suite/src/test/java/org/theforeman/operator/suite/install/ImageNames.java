package org.theforeman.operator.suite.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The image of an operator: {@code <image.registry>/<module>:<project.version>}, read from the Maven
 * properties that the Jib profile builds the images with, so the bundles name what the build produces.
 */
record ImageNames(String registry, String version) {

    static ImageNames fromBuild() {
        Properties properties = new Properties();
        try (InputStream in = ImageNames.class.getResourceAsStream("/install.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ImageNames(properties.getProperty("image.registry"), properties.getProperty("version"));
    }

    String of(String module) {
        return registry + "/" + module + ":" + version;
    }
}
