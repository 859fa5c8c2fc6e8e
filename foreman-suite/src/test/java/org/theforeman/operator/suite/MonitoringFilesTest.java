package org.theforeman.operator.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.e2e.harness.RepositoryLayout;

/** install/monitoring parses and names only the suite's, JOSDK's and Prometheus' own series (AllInOneIT checks them). */
class MonitoringFilesTest {
    @Test
    void everyExpressionNamesKnownSeries() throws Exception {
        Map<String, Set<String>> used =
                MonitoringFiles.metricsUsed(RepositoryLayout.root().resolve("install/monitoring"));
        assertThat(used.values())
                .allSatisfy(names -> assertThat(names)
                        .isNotEmpty()
                        .allMatch(n ->
                                n.startsWith("foreman_operator_") || n.startsWith("operator_sdk_") || n.equals("up")));
        assertThat(used.get("prometheus-rules.yaml"))
                .contains("foreman_operator_resources_not_ready", "operator_sdk_reconciliations_failed_total", "up");
        assertThat(used.get("grafana-dashboard.json"))
                .contains(
                        "foreman_operator_api_writes_total",
                        "foreman_operator_leader",
                        "foreman_operator_time_to_ready_seconds_bucket");
    }
}
