package org.theforeman.operator.common.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReconcileThreadsTest {
    @Test
    void sizedForTheNodeUnlessSet() {
        assertThat(OperatorLauncher.reconcileThreads(Map.of()))
                .isEqualTo(Math.max(
                        2,
                        OperatorLauncher.RECONCILE_THREADS_PER_CPU
                                * Runtime.getRuntime().availableProcessors()));
        assertThat(OperatorLauncher.reconcileThreads(Map.of("RECONCILE_THREADS", " 3 ")))
                .isEqualTo(3);
        assertThatThrownBy(() -> OperatorLauncher.reconcileThreads(Map.of("RECONCILE_THREADS", "0")))
                .isInstanceOf(StartupException.class)
                .hasMessage("RECONCILE_THREADS must be a positive number, got '0'");
    }

    @Test
    void aMinimumIntervalBetweenReconcilesUnlessTurnedOff() {
        assertThat(OperatorLauncher.reconcileInterval(Map.of())).contains(Duration.ofMillis(500));
        assertThat(OperatorLauncher.reconcileInterval(Map.of("RECONCILE_MIN_INTERVAL", "0")))
                .isEmpty();
        assertThat(OperatorLauncher.reconcileInterval(Map.of("RECONCILE_MIN_INTERVAL", "500ms")))
                .contains(Duration.ofMillis(500));
        assertThatThrownBy(() -> OperatorLauncher.reconcileInterval(Map.of("RECONCILE_MIN_INTERVAL", "soon")))
                .isInstanceOf(StartupException.class);
    }
}
