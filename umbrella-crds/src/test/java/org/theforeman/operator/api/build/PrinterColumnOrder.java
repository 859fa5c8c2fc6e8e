package org.theforeman.operator.api.build;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step after the CRD generator: puts printer columns in the order kubectl users expect (Ready,
 * the kind's own column, Reason, Age). The generator sorts them by JSON path, which would show Age
 * first. Run by exec-maven-plugin on target/classes/META-INF/fabric8; idempotent.
 */
public final class PrinterColumnOrder {
    private PrinterColumnOrder() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                String original = Files.readString(file);
                CustomResourceDefinition crd = Serialization.unmarshal(original, CustomResourceDefinition.class);
                for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
                    List<CustomResourceColumnDefinition> columns =
                            new ArrayList<>(version.getAdditionalPrinterColumns());
                    columns.sort(Comparator.comparingInt(PrinterColumnOrder::rank));
                    version.setAdditionalPrinterColumns(columns);
                }
                String header =
                        original.lines().takeWhile(l -> l.startsWith("#")).reduce("", (a, l) -> a + l + "\n");
                String reordered = header + Serialization.asYaml(crd).replaceFirst("^---\n", "");
                if (!reordered.equals(original)) {
                    Files.writeString(file, reordered);
                }
            }
        }
    }

    private static int rank(CustomResourceColumnDefinition column) {
        return switch (column.getName()) {
            case "Ready" -> 0;
            case "Reason" -> 2;
            case "Age" -> 3;
            default -> 1;
        };
    }
}
