package org.theforeman.operator.common.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConditionAggregatorTest {
    private static final ComponentState DB_READY = ComponentState.ready("DatabaseReady", "Ready", "db up");
    private static final ComponentState API_READY = ComponentState.ready("APIReady", "Ready", "2/2");
    private static final ComponentState API_ROLLING =
            ComponentState.progressing("APIReady", "RollingOut", "1/2 updated");
    private static final ComponentState MIGRATING =
            ComponentState.progressing("MigrationsComplete", "MigrationRunning", "job running");
    private static final ComponentState DB_MISSING_KEY =
            ComponentState.failed("DatabaseReady", "SecretKeyMissing", "Secret db has no key POSTGRES_PASSWORD");
    private static final ComponentState MIGRATION_FAILED =
            ComponentState.failed("MigrationsComplete", "MigrationFailed", "job failed");
    private static final ComponentState WORKER_UNKNOWN =
            ComponentState.unknown("WorkerReady", "NotObserved", "no status yet");

    /** components → Ready status/reason, Progressing status/reason, Degraded status/reason */
    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(
                        List.of(DB_READY, API_READY),
                        "True",
                        "AllComponentsReady",
                        "False",
                        "Stable",
                        "False",
                        "AsExpected"),
                Arguments.of(
                        List.of(DB_READY, API_ROLLING),
                        "False",
                        "RollingOut",
                        "True",
                        "RollingOut",
                        "False",
                        "AsExpected"),
                Arguments.of(
                        List.of(MIGRATING, API_ROLLING),
                        "False",
                        "MigrationRunning",
                        "True",
                        "MigrationRunning",
                        "False",
                        "AsExpected"),
                Arguments.of(
                        List.of(DB_MISSING_KEY, API_READY),
                        "False",
                        "SecretKeyMissing",
                        "False",
                        "Stable",
                        "True",
                        "SecretKeyMissing"),
                // A failure wins over progress for Ready, but progress is still reported.
                Arguments.of(
                        List.of(API_ROLLING, MIGRATION_FAILED),
                        "False",
                        "MigrationFailed",
                        "True",
                        "RollingOut",
                        "True",
                        "MigrationFailed"),
                Arguments.of(
                        List.of(DB_READY, WORKER_UNKNOWN),
                        "Unknown",
                        "NotObservedYet",
                        "False",
                        "Stable",
                        "False",
                        "AsExpected"),
                Arguments.of(
                        List.of(WORKER_UNKNOWN, API_ROLLING),
                        "False",
                        "RollingOut",
                        "True",
                        "RollingOut",
                        "False",
                        "AsExpected"),
                Arguments.of(List.of(), "Unknown", "NoComponents", "False", "Stable", "False", "AsExpected"));
    }

    @ParameterizedTest
    @MethodSource("table")
    void summarises(
            List<ComponentState> components,
            String ready,
            String readyReason,
            String progressing,
            String progressingReason,
            String degraded,
            String degradedReason) {
        List<Condition> conditions = ConditionAggregator.conditions(components, 7);
        assertThat(conditions)
                .hasSize(components.size() + 3)
                .allSatisfy(c -> assertThat(c.getObservedGeneration()).isEqualTo(7L));
        assertThat(statusAndReason(conditions, "Ready")).containsExactly(ready, readyReason);
        assertThat(statusAndReason(conditions, "Progressing")).containsExactly(progressing, progressingReason);
        assertThat(statusAndReason(conditions, "Degraded")).containsExactly(degraded, degradedReason);
    }

    @Test
    void componentConditionsComeFirstInOrderWithTheirStatus() {
        List<Condition> conditions =
                ConditionAggregator.conditions(List.of(DB_READY, API_ROLLING, MIGRATION_FAILED, WORKER_UNKNOWN), 1);
        assertThat(conditions)
                .extracting(Condition::getType)
                .containsExactly(
                        "DatabaseReady",
                        "APIReady",
                        "MigrationsComplete",
                        "WorkerReady",
                        "Ready",
                        "Progressing",
                        "Degraded");
        assertThat(conditions).extracting(Condition::getStatus).startsWith("True", "False", "False", "Unknown");
    }

    @Test
    void degradedMessageNamesEveryFailedComponent() {
        List<Condition> conditions = ConditionAggregator.conditions(List.of(DB_MISSING_KEY, MIGRATION_FAILED), 1);
        String message = Conditions.find(conditions, "Degraded").orElseThrow().getMessage();
        assertThat(message)
                .contains("DatabaseReady: Secret db has no key POSTGRES_PASSWORD")
                .contains("MigrationsComplete: job failed");
    }

    private static List<String> statusAndReason(List<Condition> conditions, String type) {
        Condition c = Conditions.find(conditions, type).orElseThrow();
        return Arrays.asList(c.getStatus(), c.getReason());
    }
}
