package org.theforeman.operator.suite.install;

import java.util.List;

/**
 * One rule of an operator's Role.
 *
 * @param why a comment written above the rule in the bundle (why these verbs), or null
 */
record Rule(String why, List<String> apiGroups, List<String> resources, List<String> verbs) {

    static Rule of(String apiGroup, List<String> resources, List<String> verbs) {
        return new Rule(null, List.of(apiGroup), resources, verbs);
    }

    Rule because(String reason) {
        return new Rule(reason, apiGroups, resources, verbs);
    }

    /** The leader-election Lease lives in the operator's own namespace only: no watched namespace needs it. */
    boolean ownNamespaceOnly() {
        return apiGroups.equals(List.of("coordination.k8s.io")) && resources.equals(List.of("leases"));
    }
}
