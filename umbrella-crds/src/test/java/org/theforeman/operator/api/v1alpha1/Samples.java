package org.theforeman.operator.api.v1alpha1;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The files under samples/ and their documents. */
final class Samples {
    static final Path DIR = Path.of("../samples");

    private Samples() {}

    static List<Path> files() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The YAML documents of a file, without comment-only documents. */
    static List<String> documents(Path file) {
        try {
            return Arrays.stream(Files.readString(file).split("(?m)^---\\s*$"))
                    .filter(doc -> doc.lines().anyMatch(l -> !l.isBlank() && !l.startsWith("#")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Class<? extends HasMetadata> modelOf(String kind) {
        return switch (kind) {
            case "Foreman" -> Foreman.class;
            case "SmartProxy" -> SmartProxy.class;
            case "Pulp" -> Pulp.class;
            default -> null;
        };
    }
}
