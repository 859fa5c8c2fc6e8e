package org.theforeman.operator.suite.install;

import java.util.List;

/**
 * Everything the install files say about one operator: its name (module, ServiceAccount, Role,
 * Deployment and image name), the CRDs it needs and the rules of its Role.
 */
record OperatorDescription(String name, List<String> crds, List<Rule> rules) {

    /** The rules a watched namespace other than the operator's own needs: all but the leader lease. */
    List<Rule> watchRules() {
        return rules.stream().filter(r -> !r.ownNamespaceOnly()).toList();
    }

    /** Its key in the Helm chart's values: pulp-operator -> pulp, smart-proxy-operator -> smartProxy. */
    String valuesKey() {
        String[] words = name.replaceFirst("-operator$", "").split("-");
        StringBuilder key = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            key.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return key.toString();
    }

    String image(ImageNames images) {
        return images.of(name);
    }
}
