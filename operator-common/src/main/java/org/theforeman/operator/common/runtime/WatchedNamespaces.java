package org.theforeman.operator.common.runtime;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The namespaces an operator watches, from {@code WATCH_NAMESPACES}: a comma list; empty means the
 * operator's own namespace (a namespace-scoped install); {@code *} means all namespaces (a cluster-wide
 * install, which needs a ClusterRole).
 */
public record WatchedNamespaces(boolean all, Set<String> names) {
    public static final String ALL = "*";

    public WatchedNamespaces {
        names = Collections.unmodifiableSet(new LinkedHashSet<>(names));
        if (all && !names.isEmpty()) {
            throw new IllegalArgumentException("watching all namespaces excludes a namespace list");
        }
        if (!all && names.isEmpty()) {
            throw new IllegalArgumentException("at least one namespace must be watched");
        }
    }

    public static WatchedNamespaces parse(String value, Supplier<String> ownNamespace) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()) {
            return new WatchedNamespaces(false, Set.of(ownNamespace.get()));
        }
        Set<String> names = Arrays.stream(trimmed.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (names.contains(ALL)) {
            if (names.size() > 1) {
                throw new StartupException("WATCH_NAMESPACES mixes '*' with namespace names: " + trimmed);
            }
            return new WatchedNamespaces(true, Set.of());
        }
        for (String name : names) {
            if (!name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?") || name.length() > 63) {
                throw new StartupException("WATCH_NAMESPACES contains an invalid namespace name: '" + name + "'");
            }
        }
        if (names.isEmpty()) {
            return new WatchedNamespaces(false, Set.of(ownNamespace.get()));
        }
        return new WatchedNamespaces(false, names);
    }

    /** The namespace used for a first check; any watched one will do, or null for all namespaces. */
    public String anyNamespace() {
        return all ? null : names.iterator().next();
    }

    @Override
    public String toString() {
        return all ? "all namespaces" : String.join(",", names);
    }
}
