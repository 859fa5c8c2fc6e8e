package org.theforeman.operator.common.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.api.v1alpha1.PulpStatus;
import org.theforeman.operator.common.status.ComponentState;

class StatusUpdatesTest {
    private static Pulp pulp(long generation, PulpStatus status) {
        Pulp pulp = new Pulp();
        pulp.getMetadata().setName("p");
        pulp.getMetadata().setGeneration(generation);
        pulp.setStatus(status);
        return pulp;
    }

    @Test
    void unchangedStatusIsNotWrittenAndChangedStatusIs() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        PulpStatus first = StatusUpdates.desired(
                pulp(1, null), PulpStatus::new, List.of(ComponentState.ready("APIReady", "Available", "1/1")), t0);
        assertThat(StatusUpdates.changed(
                        pulp(1, first),
                        StatusUpdates.desired(
                                pulp(1, first),
                                PulpStatus::new,
                                List.of(ComponentState.ready("APIReady", "Available", "1/1")),
                                t0.plusSeconds(60))))
                .isFalse();
        assertThat(StatusUpdates.changed(
                        pulp(2, first),
                        StatusUpdates.desired(
                                pulp(2, first),
                                PulpStatus::new,
                                List.of(ComponentState.ready("APIReady", "Available", "1/1")),
                                t0.plusSeconds(60))))
                .as("a new generation is recorded")
                .isTrue();
    }

    @Test
    void conditionsOfRemovedComponentsAreDropped() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        PulpStatus withWeb = StatusUpdates.desired(
                pulp(1, null),
                PulpStatus::new,
                List.of(
                        ComponentState.ready("APIReady", "Available", ""),
                        ComponentState.ready("WebReady", "Available", "")),
                t0);
        PulpStatus withoutWeb = StatusUpdates.desired(
                pulp(2, withWeb),
                PulpStatus::new,
                List.of(ComponentState.ready("APIReady", "Available", "")),
                t0.plusSeconds(5));
        assertThat(withoutWeb.getConditions())
                .extracting(Condition::getType)
                .containsExactly("APIReady", "Ready", "Progressing", "Degraded");
        assertThat(withoutWeb.getConditions().get(0).getLastTransitionTime())
                .as("kept")
                .isEqualTo("2026-01-01T00:00:00Z");
    }
}
