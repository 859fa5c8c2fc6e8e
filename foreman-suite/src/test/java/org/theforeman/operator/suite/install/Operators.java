package org.theforeman.operator.suite.install;

import java.util.List;

/**
 * The one description of each operator the install files are generated from. A Role rule changes here,
 * then {@code mvn -pl foreman-suite -am test -Dtest=InstalledBundlesTest -Dupdate.install=true
 * -Dsurefire.failIfNoSpecifiedTests=false} rewrites install/. The operators' ITs run each operator under
 * the Role of its bundle, so a missing or an excessive verb here fails them.
 */
final class Operators {
    private Operators() {}

    private static final List<String> READ = List.of("get", "list", "watch");
    private static final List<String> KEEP = List.of("get", "list", "watch", "create", "patch");
    private static final List<String> OWN = List.of("get", "list", "watch", "create", "patch", "delete");
    private static final List<String> OPTIONAL_API = List.of("get", "create", "patch");
    private static final List<String> STATUS = List.of("get", "patch");
    private static final Rule PORT_FORWARD_PODS = Rule.of("", List.of("pods"), List.of("list"))
            .because(
                    "Only with CLUSTER_ENDPOINTS=port-forward (an operator outside the cluster reaching a Foreman of the"
                            + " suite\nthrough the API server): a ready pod behind Foreman's Service, and a forward to it.");
    private static final Rule PORT_FORWARD = Rule.of("", List.of("pods/portforward"), List.of("get", "create"))
            .because("The forward is a WebSocket upgrade (a GET), which the API server also authorizes as create.");
    private static final Rule LEASES =
            Rule.of("coordination.k8s.io", List.of("leases"), List.of("get", "create", "update", "patch"));

    static final OperatorDescription PULP = new OperatorDescription(
            "pulp-operator",
            List.of("pulps.app.theforeman.org"),
            List.of(
                    Rule.of("app.theforeman.org", List.of("pulps"), READ),
                    Rule.of("app.theforeman.org", List.of("pulps/status"), STATUS),
                    Rule.of("", List.of("secrets", "persistentvolumeclaims"), KEEP)
                            .because("Generated credentials and claims are data: created and patched, never deleted"
                                    + " by the operator\n(the garbage collector removes them only with"
                                    + " deletion_policy Delete)."),
                    Rule.of("", List.of("configmaps", "services"), OWN)
                            .because("ConfigMaps and Services of optional parts (the web proxy, the managed cache)"
                                    + " go when turned off."),
                    Rule.of("", List.of("events"), List.of("create", "list"))
                            .because("Events: recorded about the Pulp; listed to learn why a claim stays Pending."),
                    Rule.of("apps", List.of("deployments"), OWN),
                    Rule.of("apps", List.of("statefulsets"), KEEP),
                    Rule.of("batch", List.of("jobs"), OWN),
                    Rule.of("networking.k8s.io", List.of("ingresses"), OWN),
                    Rule.of("route.openshift.io", List.of("routes"), OPTIONAL_API)
                            .because("Only used with ingress_type route, on OpenShift; harmless elsewhere."),
                    Rule.of("autoscaling", List.of("horizontalpodautoscalers"), OWN),
                    Rule.of("policy", List.of("poddisruptionbudgets"), OWN),
                    LEASES));

    static final OperatorDescription SMART_PROXY = new OperatorDescription(
            "smart-proxy-operator",
            List.of("smartproxies.app.theforeman.org"),
            List.of(
                    Rule.of("app.theforeman.org", List.of("smartproxies"), List.of("get", "list", "watch", "patch"))
                            .because("patch: the finalizer that removes the record from Foreman (deletion_policy"
                                    + " Delete)."),
                    Rule.of("app.theforeman.org", List.of("smartproxies/status"), STATUS),
                    Rule.of("app.theforeman.org", List.of("foremen"), READ)
                            .because("The Foreman of foreman.name: its status gives the API URL and the credentials"
                                    + " Secret; watched, so a proxy\nstarts when its WebReady turns true (without"
                                    + " this rule, or the Foreman CRD, it looks every 10 s)."),
                    Rule.of("", List.of("secrets", "configmaps", "services"), KEEP)
                            .because("Certificates, SSH keys and the suite CA are data: created and patched, never"
                                    + " deleted by the operator\n(the garbage collector removes them only with"
                                    + " deletion_policy Delete)."),
                    Rule.of("", List.of("events"), List.of("create")),
                    Rule.of("apps", List.of("deployments"), KEEP),
                    Rule.of("networking.k8s.io", List.of("ingresses"), OWN),
                    Rule.of("route.openshift.io", List.of("routes"), OPTIONAL_API)
                            .because("Only used with ingress.type route, on OpenShift, and tls.issuer, with"
                                    + " cert-manager; harmless elsewhere."),
                    Rule.of("cert-manager.io", List.of("certificates"), OPTIONAL_API),
                    LEASES,
                    PORT_FORWARD_PODS,
                    PORT_FORWARD));

    static final OperatorDescription FOREMAN = new OperatorDescription(
            "foreman-operator",
            List.of("foremen.app.theforeman.org"),
            List.of(
                    Rule.of("app.theforeman.org", List.of("foremen"), READ),
                    Rule.of("app.theforeman.org", List.of("foremen/status"), STATUS),
                    Rule.of("", List.of("secrets"), OWN)
                            .because("Generated credentials (ENCRYPTION_KEY, admin, OAuth, database, Candlepin's) and"
                                    + " CAs are created and\npatched, never deleted by the operator (the garbage"
                                    + " collector removes them only with deletion_policy\nDelete). delete: the"
                                    + " rendered katello.yaml and candlepin.conf when Katello is turned off. A user's\n"
                                    + "Secrets (external database, adopted key) are only read."),
                    Rule.of("", List.of("configmaps"), OWN)
                            .because("delete: the child Pulp's Katello settings when Katello is turned off."),
                    Rule.of("", List.of("services"), OWN)
                            .because("The managed database's and cache's Services go when an external one is"
                                    + " configured."),
                    Rule.of("", List.of("events"), List.of("create")),
                    Rule.of("apps", List.of("deployments"), OWN)
                            .because("web, dynflow and the managed cache; the cache goes when an external one is"
                                    + " configured."),
                    Rule.of("apps", List.of("statefulsets"), KEEP)
                            .because("The managed PostgreSQL is never deleted by the operator: its data outlives a"
                                    + " switch to external."),
                    Rule.of("batch", List.of("jobs"), OWN)
                            .because("Migration Jobs of older releases are deleted once the new one completed."),
                    Rule.of("batch", List.of("cronjobs"), KEEP),
                    Rule.of("networking.k8s.io", List.of("ingresses"), OWN),
                    Rule.of("route.openshift.io", List.of("routes"), OPTIONAL_API)
                            .because("Only used with ingress.type route, on OpenShift; harmless elsewhere."),
                    Rule.of("app.theforeman.org", List.of("pulps", "smartproxies"), OWN)
                            .because("The child Pulp (katello) and SmartProxy (katello, remote_execution), reconciled"
                                    + " by their own operators."),
                    LEASES,
                    PORT_FORWARD_PODS,
                    PORT_FORWARD));

    static final List<OperatorDescription> ALL = List.of(PULP, SMART_PROXY, FOREMAN);

    /** The all-in-one process (ForemanSuite): the three operators' rules in one Role. */
    static final OperatorDescription ALL_IN_ONE = new OperatorDescription(
            "foreman-suite",
            ALL.stream().flatMap(op -> op.crds().stream()).toList(),
            ALL.stream().flatMap(op -> op.rules().stream()).distinct().toList());
}
