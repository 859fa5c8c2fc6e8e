package org.theforeman.operator.common.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00.123Z");
    private static final Instant T1 = Instant.parse("2026-01-01T11:00:00Z");

    @Test
    void newConditionGetsTheCurrentTimeInSeconds() {
        List<Condition> result = Conditions.upsert(List.of(), Conditions.of("Ready", "False", "Starting", "m", 1), T0);
        assertThat(result).singleElement().satisfies(c -> {
            assertThat(c.getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
            assertThat(c.getObservedGeneration()).isEqualTo(1L);
        });
    }

    @Test
    void sameStatusKeepsTransitionTimeEvenWhenReasonMessageAndGenerationChange() {
        List<Condition> before = Conditions.upsert(List.of(), Conditions.of("Ready", "False", "Starting", "a", 1), T0);
        List<Condition> after =
                Conditions.upsert(before, Conditions.of("Ready", "False", "MigrationRunning", "b", 2), T1);
        assertThat(after).singleElement().satisfies(c -> {
            assertThat(c.getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
            assertThat(c.getReason()).isEqualTo("MigrationRunning");
            assertThat(c.getMessage()).isEqualTo("b");
            assertThat(c.getObservedGeneration()).isEqualTo(2L);
        });
    }

    @Test
    void flippedStatusMovesTransitionTime() {
        List<Condition> before = Conditions.upsert(List.of(), Conditions.of("Ready", "False", "Starting", "a", 1), T0);
        List<Condition> after =
                Conditions.upsert(before, Conditions.of("Ready", "True", "AllComponentsReady", "ok", 1), T1);
        assertThat(after)
                .singleElement()
                .satisfies(c -> assertThat(c.getLastTransitionTime()).isEqualTo("2026-01-01T11:00:00Z"));
    }

    @Test
    void replacesInPlaceAndAppendsNewTypes() {
        List<Condition> before = Conditions.upsertAll(
                List.of(),
                List.of(
                        Conditions.of("DatabaseReady", "True", "Ready", "", 1),
                        Conditions.of("Ready", "False", "Starting", "", 1)),
                T0);
        List<Condition> after = Conditions.upsertAll(
                before,
                List.of(
                        Conditions.of("DatabaseReady", "False", "Down", "", 1),
                        Conditions.of("Degraded", "True", "Down", "", 1)),
                T1);
        assertThat(after).extracting(Condition::getType).containsExactly("DatabaseReady", "Ready", "Degraded");
        assertThat(after.get(0).getLastTransitionTime()).isEqualTo("2026-01-01T11:00:00Z");
        assertThat(after.get(1).getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(before)
                .as("input is not modified")
                .extracting(Condition::getStatus)
                .containsExactly("True", "False");
    }

    @Test
    void unchangedInputYieldsAnEqualList() {
        List<Condition> before = Conditions.upsert(List.of(), Conditions.of("Ready", "True", "Ok", "fine", 3), T0);
        assertThat(Conditions.upsert(before, Conditions.of("Ready", "True", "Ok", "fine", 3), T1))
                .isEqualTo(before);
    }

    @Test
    void trustsReadyOnlyForTheCurrentGeneration() {
        List<Condition> conditions = List.of(Conditions.of("Ready", "True", "Ok", "", 3));
        assertThat(Conditions.isTrueFor(conditions, "Ready", 3L)).isTrue();
        assertThat(Conditions.isTrueFor(conditions, "Ready", 4L)).isFalse();
        assertThat(Conditions.isTrueFor(List.of(Conditions.of("Ready", "False", "No", "", 4)), "Ready", 4L))
                .isFalse();
        assertThat(Conditions.isTrueFor(List.of(), "Ready", 4L)).isFalse();
    }
}
