package org.theforeman.operator.common.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The few long flags an operator takes: {@code --name=value} or {@code --name value}. */
final class Flags {
    static final Set<String> KNOWN = Set.of("kubeconfig", "http-port", "leader-election");

    private Flags() {}

    static Map<String, String> parse(String[] args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new StartupException(
                        "unexpected argument '" + arg + "'; flags: --kubeconfig, --http-port, --leader-election");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else if (name.equals("leader-election")) {
                value = "true";
            } else {
                throw new StartupException("flag --" + name + " needs a value");
            }
            if (!KNOWN.contains(name)) {
                throw new StartupException(
                        "unknown flag --" + name + "; flags: --kubeconfig, --http-port, --leader-election");
            }
            flags.put(name, value);
        }
        return flags;
    }
}
