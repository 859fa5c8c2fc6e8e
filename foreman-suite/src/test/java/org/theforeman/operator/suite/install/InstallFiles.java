package org.theforeman.operator.suite.install;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every generated file under install/, by its path relative to the repository root. */
final class InstallFiles {
    static final String SUITE_NAMESPACE = "foreman";

    private static final String ALL_IN_ONE_HEADER = """
            # foreman-suite: the three operators in one process and one Deployment, for small installs (instead of
            # the three bundles), namespace-scoped: apply in the namespace it should watch, after the CRDs:
            #   kubectl apply --server-side -f install/crds/
            #   kubectl apply -n NAMESPACE -f install/foreman-suite-all-in-one.yaml
            # Its Role holds the rules of the three operators' Roles; AllInOneIT runs the process with its token.
            # Generated from foreman-suite's Operators.java by InstalledBundlesTest: edit that, not this file.
            """;

    private InstallFiles() {}

    static Map<String, String> all(Path root, ImageNames images) {
        Map<String, String> files = new LinkedHashMap<>();
        Manifests plain = new Manifests(Manifests.Style.plain(images, null));
        for (OperatorDescription op : Operators.ALL) {
            files.put("install/" + op.name() + ".yaml", Manifests.header(op) + plain.bundle(op));
            files.put("install/" + op.name() + "-watch-namespace.yaml", watchNamespaceFile(plain, op));
            files.put("install/" + op.name() + "-cluster-wide.yaml", clusterWideFile(plain, op));
        }
        files.put("install/foreman-suite.yaml", umbrella(root, images));
        files.put("install/foreman-suite-all-in-one.yaml", ALL_IN_ONE_HEADER + plain.bundle(Operators.ALL_IN_ONE));
        files.putAll(HelmChart.files(root, images));
        return files;
    }

    private static String watchNamespaceFile(Manifests manifests, OperatorDescription op) {
        return """
                # Lets the %1$s installed in OPERATOR_NAMESPACE also watch WATCHED_NAMESPACE: its Role there
                # (all its rules but the leader lease, which stays in its own namespace). One per watched namespace:
                #   sed -e s/WATCHED_NAMESPACE/b/g -e s/OPERATOR_NAMESPACE/a/g install/%1$s-watch-namespace.yaml \\
                #     | kubectl apply -f -
                #   kubectl set env -n a deployment/%1$s WATCH_NAMESPACES=a,b
                # Generated from foreman-suite's Operators.java by InstalledBundlesTest: edit that, not this file.
                """.formatted(op.name())
                + manifests.watchNamespace(op, Manifests.WATCHED_NAMESPACE, Manifests.OPERATOR_NAMESPACE);
    }

    private static String clusterWideFile(Manifests manifests, OperatorDescription op) {
        return """
                # Lets the %1$s installed in OPERATOR_NAMESPACE watch every namespace (WATCH_NAMESPACES=*):
                # its rules but the leader lease as a ClusterRole (the Lease stays in its own namespace's Role):
                #   sed -e s/OPERATOR_NAMESPACE/a/g install/%1$s-cluster-wide.yaml | kubectl apply -f -
                #   kubectl set env -n a deployment/%1$s 'WATCH_NAMESPACES=*'
                # Generated from foreman-suite's Operators.java by InstalledBundlesTest: edit that, not this file.
                """.formatted(op.name()) + manifests.clusterWide(op, Manifests.OPERATOR_NAMESPACE);
    }

    private static String umbrella(Path root, ImageNames images) {
        StringBuilder out = new StringBuilder("""
                # The whole suite in one apply: the three CRDs, namespace %1$s and the three operators in it, each
                # watching namespace %1$s (see install/<operator>-watch-namespace.yaml for more):
                #   kubectl apply --server-side -f install/foreman-suite.yaml
                # Generated from foreman-suite's Operators.java by InstalledBundlesTest: edit that, not this file.
                """.formatted(SUITE_NAMESPACE));
        for (OperatorDescription op : Operators.ALL) {
            for (String crd : op.crds()) {
                out.append("---\n").append(read(root.resolve("install/crds/" + crd + "-v1.yml")));
            }
        }
        out.append("""
                ---
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: %s
                  labels:
                    app.kubernetes.io/part-of: foreman-suite
                """.formatted(SUITE_NAMESPACE));
        Manifests inSuite = new Manifests(Manifests.Style.plain(images, SUITE_NAMESPACE));
        for (OperatorDescription op : Operators.ALL) {
            out.append("---\n").append(inSuite.bundle(op));
        }
        return out.toString();
    }

    static String read(Path file) {
        try {
            String text = Files.readString(file);
            return text.endsWith("\n") ? text : text + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> operatorNames() {
        return Operators.ALL.stream().map(OperatorDescription::name).toList();
    }
}
