package org.theforeman.operator.suite.install;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Helm chart install/helm/foreman-suite, written by {@link Manifests} with Helm expressions for what
 * values choose: which operators run, the namespaces they watch, the image registry and tag, resources.
 * With the default values it renders the objects of install/foreman-suite.yaml (HelmChartIT compares them).
 */
final class HelmChart {
    static final String DIR = "install/helm/foreman-suite/";
    private static final String GENERATED =
            "{{/* Generated from foreman-suite's Operators.java by InstalledBundlesTest: edit that, not this file. */}}\n";

    private HelmChart() {}

    static Map<String, String> files(Path root, ImageNames images) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(DIR + "Chart.yaml", """
                # Generated from foreman-suite's Operators.java by InstalledBundlesTest: edit that, not this file.
                apiVersion: v2
                name: foreman-suite
                description: Operators for Foreman, its Smart Proxy and Pulp (namespace-scoped by default)
                type: application
                version: %1$s
                appVersion: "%1$s"
                """.formatted(images.version()));
        files.put(DIR + "values.yaml", values(images));
        for (OperatorDescription op : Operators.ALL) {
            for (String crd : op.crds()) {
                String file = crd + "-v1.yml";
                files.put(DIR + "crds/" + file, InstallFiles.read(root.resolve("install/crds/" + file)));
            }
        }
        Manifests chart = new Manifests(style());
        List<OperatorDescription> renderable = new ArrayList<>(Operators.ALL);
        renderable.add(Operators.ALL_IN_ONE);
        for (OperatorDescription op : renderable) {
            files.put(
                    DIR + "templates/" + op.name() + ".yaml",
                    GENERATED + "{{- if " + enabled(op) + " }}\n" + chart.bundle(op) + "{{- end }}\n");
        }
        StringBuilder watch = new StringBuilder(GENERATED);
        for (OperatorDescription op : renderable) {
            watch.append("{{- if ")
                    .append(enabled(op))
                    .append(" }}\n{{- if has \"*\" .Values.watchNamespaces }}\n---\n")
                    .append(chart.clusterWide(op, "{{ .Release.Namespace }}"))
                    .append("{{- else }}\n{{- range $ns := .Values.watchNamespaces }}\n")
                    .append("{{- if ne $ns $.Release.Namespace }}\n---\n")
                    .append(chart.watchNamespace(op, "{{ $ns }}", "{{ $.Release.Namespace }}"))
                    .append("{{- end }}\n{{- end }}\n{{- end }}\n{{- end }}\n");
        }
        files.put(DIR + "templates/watch-namespaces.yaml", watch.toString());
        return files;
    }

    /** When the chart renders an operator: the all-in-one replaces the three when allInOne.enabled is set. */
    private static String enabled(OperatorDescription op) {
        return op == Operators.ALL_IN_ONE
                ? ".Values.allInOne.enabled"
                : "and (not .Values.allInOne.enabled) .Values.operators." + op.valuesKey() + ".enabled";
    }

    private static String values(OperatorDescription op) {
        return op == Operators.ALL_IN_ONE ? ".Values.allInOne" : ".Values.operators." + op.valuesKey();
    }

    static Manifests.Style style() {
        return new Manifests.Style(
                "{{ .Release.Namespace }}",
                op -> "{{ .Values.image.registry }}/" + op.name() + ":{{ .Values.image.tag }}",
                op -> """
                        # The release's namespace, plus .Values.watchNamespaces (each gets a Role; "*": all, with a
                        # ClusterRole).
                        - name: WATCH_NAMESPACES
                        {{- if has "*" .Values.watchNamespaces }}
                          value: "*"
                        {{- else if .Values.watchNamespaces }}
                          value: {{ prepend .Values.watchNamespaces .Release.Namespace | uniq | join "," | quote }}
                        {{- else }}
                          valueFrom: {fieldRef: {apiVersion: v1, fieldPath: metadata.namespace}}
                        {{- end }}
                        """,
                // The renderer puts this under "resources:" at 12 columns; nindent says so to toYaml.
                op -> "{{- toYaml " + values(op) + ".resources | nindent 12 }}\n");
    }

    private static String values(ImageNames images) {
        StringBuilder out = new StringBuilder("""
                # Generated from foreman-suite's Operators.java by InstalledBundlesTest: edit that, not this file.
                # Where the operators' images come from: <registry>/<operator>:<tag>.
                image:
                  registry: %s
                  tag: %s
                # Namespaces the operators watch besides the release's own; each gets a Role and RoleBinding.
                # ["*"] watches every namespace through a ClusterRole.
                watchNamespaces: []
                # Which operators run, and their containers' resources.
                operators:
                """.formatted(images.registry(), images.version()));
        for (OperatorDescription op : Operators.ALL) {
            out.append("  ").append(op.valuesKey()).append(":\n    enabled: true\n    resources:\n");
            out.append(Manifests.indent(Manifests.resources(op), 6));
        }
        out.append("""
                # One process and one Deployment (foreman-suite) instead of the three, for small installs.
                allInOne:
                  enabled: false
                  resources:
                """);
        out.append(Manifests.indent(Manifests.resources(Operators.ALL_IN_ONE), 4));
        return out.toString();
    }
}
