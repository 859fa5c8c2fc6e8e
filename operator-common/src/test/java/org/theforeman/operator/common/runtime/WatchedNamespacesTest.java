package org.theforeman.operator.common.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WatchedNamespacesTest {
    @Test
    void emptyMeansOwnNamespace() {
        assertThat(WatchedNamespaces.parse("", () -> "ops").names()).containsExactly("ops");
        assertThat(WatchedNamespaces.parse(null, () -> "ops").names()).containsExactly("ops");
        assertThat(WatchedNamespaces.parse(" , ", () -> "ops").names()).containsExactly("ops");
    }

    @Test
    void commaList() {
        WatchedNamespaces parsed = WatchedNamespaces.parse("foreman, pulp ,foreman", () -> "ops");
        assertThat(parsed.all()).isFalse();
        assertThat(parsed.names()).containsExactly("foreman", "pulp");
    }

    @Test
    void starMeansAll() {
        WatchedNamespaces parsed = WatchedNamespaces.parse("*", () -> "ops");
        assertThat(parsed.all()).isTrue();
        assertThat(parsed.anyNamespace()).isNull();
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> WatchedNamespaces.parse("*,foreman", () -> "ops"))
                .hasMessageContaining("mixes");
        assertThatThrownBy(() -> WatchedNamespaces.parse("Foreman", () -> "ops"))
                .hasMessageContaining("'Foreman'");
    }

    @Test
    void settingsFromFlagsAndEnvironment() {
        OperatorSettings settings = OperatorSettings.from(
                new String[] {"--kubeconfig", "/k", "--http-port=9090"},
                Map.of("WATCH_NAMESPACES", "a,b", "LEADER_ELECTION", "true", "POD_NAMESPACE", "ops"));
        assertThat(settings.kubeconfig()).hasValue(Path.of("/k"));
        assertThat(settings.httpPort()).isEqualTo(9090);
        assertThat(settings.watchNamespaces()).isEqualTo("a,b");
        assertThat(settings.leaderElection()).isTrue();
        assertThat(settings.podNamespace()).hasValue("ops");

        OperatorSettings local = OperatorSettings.from(new String[0], Map.of());
        assertThat(local.httpPort()).isEqualTo(8080);
        assertThat(local.leaderElection()).as("off outside a pod").isFalse();
        assertThat(local.ownNamespace("from-kubeconfig")).isEqualTo("from-kubeconfig");
    }

    @Test
    void badFlagsAreExplained() {
        assertThatThrownBy(() -> OperatorSettings.from(new String[] {"--bogus=1"}, Map.of()))
                .hasMessageContaining("unknown flag --bogus");
        assertThatThrownBy(() -> OperatorSettings.from(new String[] {"--http-port", "x"}, Map.of()))
                .hasMessageContaining("'x'");
        assertThatThrownBy(() -> OperatorSettings.from(new String[0], Map.of("LEADER_ELECTION", "maybe")))
                .hasMessageContaining("maybe");
    }
}
