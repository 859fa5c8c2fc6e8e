package org.theforeman.operator.suite.install;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes the install files of an operator from its description: the bundle (ServiceAccount, Role,
 * RoleBinding, Service of the side port, Deployment), the Role for a further watched namespace and the
 * cluster-wide variant. {@link Style} says how the values that differ between the plain files and the
 * Helm templates are written, so both come from this one writer.
 */
final class Manifests {
    static final String WATCHED_NAMESPACE = "WATCHED_NAMESPACE";
    static final String OPERATOR_NAMESPACE = "OPERATOR_NAMESPACE";
    static final String SIDE_PORT_SERVICE_SUFFIX = "-metrics";
    /**
     * An operator's container resources (the Helm chart's defaults): the Pulp operator's peak RSS at 100
     * Pulps with {@link #JAVA_OPTIONS} (e2e/bench) plus headroom; the all-in-one runs the three.
     */
    static final String RESOURCES = """
            requests: {cpu: 100m, memory: 256Mi}
            limits: {memory: 320Mi}
            """;

    static final String ALL_IN_ONE_RESOURCES = """
            requests: {cpu: 100m, memory: 384Mi}
            limits: {memory: 480Mi}
            """;

    /**
     * The JVM settings the benchmark validated (e2e/bench/jvm.options; InstalledBundlesTest keeps them
     * alike), with the heap a share of the container's memory limit instead of fixed: 96 MiB at 320Mi.
     * C1 only: the least start-up CPU and memory.
     */
    static final String JAVA_OPTIONS = "-XX:+UseSerialGC -XX:MaxRAMPercentage=30 -Xmn8m -Xss512k"
            + " -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=32m -XX:TieredStopAtLevel=1"
            + " -XX:CompileThresholdScaling=3 -XX:MaxDirectMemorySize=16m -XX:-UsePerfData"
            + " -XX:+ExitOnOutOfMemoryError";

    /**
     * For the operators that generate RSA keys (the Smart Proxy's 4096-bit SSH key: 10-40 s of CPU with C1
     * alone, 1-4 s with C2): C2 for the hottest loops only (e2e/bench/jvm-rsa.options).
     */
    static final String JAVA_OPTIONS_RSA = "-XX:+UseSerialGC -XX:MaxRAMPercentage=30 -Xmn8m -Xss512k"
            + " -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=32m -XX:CompileThresholdScaling=3"
            + " -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000"
            + " -XX:Tier4CompileThreshold=60000 -XX:Tier4BackEdgeThreshold=400000 -XX:MaxDirectMemorySize=16m"
            + " -XX:-UsePerfData -XX:+ExitOnOutOfMemoryError";

    static String javaOptions(OperatorDescription op) {
        return op == Operators.SMART_PROXY || op == Operators.ALL_IN_ONE ? JAVA_OPTIONS_RSA : JAVA_OPTIONS;
    }

    static String resources(OperatorDescription op) {
        return op == Operators.ALL_IN_ONE ? ALL_IN_ONE_RESOURCES : RESOURCES;
    }

    /**
     * How values are written.
     *
     * @param namespace the namespace of namespaced objects, or null to leave it to {@code kubectl -n}
     * @param image the operator's image reference
     * @param watchNamespaces the WATCH_NAMESPACES env entry (lines at the env list's indentation)
     * @param resources the container's resources (lines under {@code resources:})
     */
    record Style(
            String namespace,
            Function<OperatorDescription, String> image,
            Function<OperatorDescription, String> watchNamespaces,
            Function<OperatorDescription, String> resources) {

        static Style plain(ImageNames images, String namespace) {
            return new Style(namespace, op -> op.image(images), op -> """
                            # Its own namespace. A comma list adds others (apply install/%1$s-watch-namespace.yaml in
                            # each); * watches all (with install/%1$s-cluster-wide.yaml).
                            - name: WATCH_NAMESPACES
                              valueFrom: {fieldRef: {apiVersion: v1, fieldPath: metadata.namespace}}
                            """.formatted(op.name()), Manifests::resources);
        }
    }

    private final Style style;

    Manifests(Style style) {
        this.style = style;
    }

    /** The objects of one operator, each starting with its apiVersion line, separated by {@code ---}. */
    String bundle(OperatorDescription op) {
        return String.join("---\n", serviceAccount(op), role(op), roleBinding(op), sideService(op), deployment(op));
    }

    static String header(OperatorDescription op) {
        String crds =
                op.crds().stream().map(c -> "install/crds/" + c + "-v1.yml").collect(Collectors.joining(" -f "));
        return """
                # %1$s, namespace-scoped: apply in the namespace it should watch (its own), after its CRD:
                #   kubectl apply --server-side -f %2$s
                #   kubectl apply -n NAMESPACE -f install/%1$s.yaml
                # Other namespaces to watch: install/%1$s-watch-namespace.yaml; all: install/%1$s-cluster-wide.yaml.
                # The Role grants only the verbs the operator uses; the integration tests run the operator with this
                # ServiceAccount's token, so a missing or an excessive permission fails them.
                # Generated from foreman-suite's Operators.java by InstalledBundlesTest: edit that, not this file.
                """.formatted(op.name(), crds);
    }

    String serviceAccount(OperatorDescription op) {
        return object("v1", "ServiceAccount", op.name(), op);
    }

    String role(OperatorDescription op) {
        return object("rbac.authorization.k8s.io/v1", "Role", op.name(), op) + rules(op.rules());
    }

    String roleBinding(OperatorDescription op) {
        return object("rbac.authorization.k8s.io/v1", "RoleBinding", op.name(), op)
                + roleRef("Role", op.name())
                + subject(op, style.namespace());
    }

    String sideService(OperatorDescription op) {
        return object("v1", "Service", op.name() + SIDE_PORT_SERVICE_SUFFIX, op) + """
                spec:
                  selector:
                    app.kubernetes.io/name: %s
                  ports:
                    - {name: http, port: 8080, targetPort: http}
                """.formatted(op.name());
    }

    String deployment(OperatorDescription op) {
        String env = style.watchNamespaces().apply(op) + """
                - name: POD_NAMESPACE
                  valueFrom: {fieldRef: {apiVersion: v1, fieldPath: metadata.namespace}}
                - name: POD_NAME
                  valueFrom: {fieldRef: {apiVersion: v1, fieldPath: metadata.name}}
                - name: LEADER_ELECTION
                  value: "true"
                # Measured by e2e/bench: heap a share of the memory limit, serial GC, little or no C2,
                # bounded metaspace, code cache and stacks (start-up and peak memory, issue 16).
                - name: JAVA_TOOL_OPTIONS
                  value: %s
                """.formatted(javaOptions(op));
        String container = """
                - name: operator
                  image: %s
                  env:
                %s  ports:
                    - {name: http, containerPort: 8080}
                  livenessProbe:
                    httpGet: {path: /healthz, port: http}
                    periodSeconds: 20
                  readinessProbe:
                    httpGet: {path: /readyz, port: http}
                    periodSeconds: 10
                  resources:
                %s  securityContext:
                    allowPrivilegeEscalation: false
                    readOnlyRootFilesystem: true
                    capabilities: {drop: [ALL]}
                  volumeMounts:
                    - {name: tmp, mountPath: /tmp}
                """.formatted(
                        style.image().apply(op),
                        indent(env, 4),
                        indent(style.resources().apply(op), 4));
        return object("apps/v1", "Deployment", op.name(), op) + """
                spec:
                  replicas: 1
                  selector:
                    matchLabels:
                      app.kubernetes.io/name: %1$s
                  template:
                    metadata:
                      labels:
                        app.kubernetes.io/name: %1$s
                        app.kubernetes.io/part-of: foreman-suite
                    spec:
                      serviceAccountName: %1$s
                      # A stopping leader releases its lease within 20 s (OperatorLauncher's grace).
                      terminationGracePeriodSeconds: 30
                      securityContext:
                        runAsNonRoot: true
                        runAsUser: 65532
                        runAsGroup: 65532
                        seccompProfile: {type: RuntimeDefault}
                      containers:
                %2$s      volumes:
                        - name: tmp
                          emptyDir: {}
                """.formatted(op.name(), indent(container, 8));
    }

    static String indent(String text, int spaces) {
        String prefix = " ".repeat(spaces);
        return text.lines().map(l -> l.isEmpty() ? "\n" : prefix + l + "\n").collect(Collectors.joining());
    }

    /**
     * Role and RoleBinding that let the operator of {@value #OPERATOR_NAMESPACE} watch {@value
     * #WATCHED_NAMESPACE}: its rules without the leader lease.
     */
    String watchNamespace(OperatorDescription op, String watched, String operatorNamespace) {
        String name = op.name() + "-from-" + operatorNamespace;
        return objectIn("rbac.authorization.k8s.io/v1", "Role", name, op, watched)
                + rules(op.watchRules())
                + "---\n"
                + objectIn("rbac.authorization.k8s.io/v1", "RoleBinding", name, op, watched)
                + roleRef("Role", name)
                + subject(op, operatorNamespace);
    }

    /** ClusterRole and ClusterRoleBinding for {@code WATCH_NAMESPACES=*}. */
    String clusterWide(OperatorDescription op, String operatorNamespace) {
        String binding = op.name() + "-" + operatorNamespace;
        return objectIn("rbac.authorization.k8s.io/v1", "ClusterRole", op.name(), op, null)
                + rules(op.watchRules())
                + "---\n"
                + objectIn("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", binding, op, null)
                + roleRef("ClusterRole", op.name())
                + subject(op, operatorNamespace);
    }

    private String object(String apiVersion, String kind, String name, OperatorDescription op) {
        return objectIn(apiVersion, kind, name, op, style.namespace());
    }

    private static String objectIn(String apiVersion, String kind, String name, OperatorDescription op, String ns) {
        return """
                apiVersion: %s
                kind: %s
                metadata:
                  name: %s
                %s  labels:
                    app.kubernetes.io/name: %s
                    app.kubernetes.io/part-of: foreman-suite
                """.formatted(apiVersion, kind, name, ns == null ? "" : "  namespace: " + ns + "\n", op.name());
    }

    private static String roleRef(String kind, String name) {
        return """
                roleRef:
                  apiGroup: rbac.authorization.k8s.io
                  kind: %s
                  name: %s
                """.formatted(kind, name);
    }

    private static String subject(OperatorDescription op, String namespace) {
        return """
                subjects:
                  - kind: ServiceAccount
                    name: %s
                %s""".formatted(op.name(), namespace == null ? "" : "    namespace: " + namespace + "\n");
    }

    private static String rules(List<Rule> rules) {
        StringBuilder out = new StringBuilder("rules:\n");
        for (Rule rule : rules) {
            if (rule.why() != null) {
                rule.why()
                        .lines()
                        .forEach(line -> out.append("  # ").append(line).append('\n'));
            }
            out.append("  - apiGroups: ").append(flow(rule.apiGroups())).append('\n');
            out.append("    resources: ").append(flow(rule.resources())).append('\n');
            out.append("    verbs: ").append(flow(rule.verbs())).append('\n');
        }
        return out.toString();
    }

    private static String flow(List<String> items) {
        return items.stream().map(i -> i.isEmpty() ? "\"\"" : i).collect(Collectors.joining(", ", "[", "]"));
    }
}
