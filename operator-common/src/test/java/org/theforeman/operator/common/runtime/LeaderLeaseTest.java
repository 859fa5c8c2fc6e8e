package org.theforeman.operator.common.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeaderLeaseTest {
    @Test
    void timingsDefaultToKubernetesOwnAndAcceptSecondsMillisecondsAndMinutes() {
        assertThat(LeaderLease.Timings.from(Map.of())).isEqualTo(LeaderLease.Timings.DEFAULT);
        var timings = LeaderLease.Timings.from(Map.of(
                "LEADER_ELECTION_LEASE_DURATION", "1m",
                "LEADER_ELECTION_RENEW_DEADLINE", "20",
                "LEADER_ELECTION_RETRY_PERIOD", "500ms"));
        assertThat(timings)
                .isEqualTo(
                        new LeaderLease.Timings(Duration.ofMinutes(1), Duration.ofSeconds(20), Duration.ofMillis(500)));
    }

    @Test
    void timingsThatCannotWorkAreRefusedWithTheReason() {
        assertThatThrownBy(() -> LeaderLease.Timings.from(Map.of("LEADER_ELECTION_RETRY_PERIOD", "12s")))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("retry period < renew deadline < lease duration");
        assertThatThrownBy(() -> LeaderLease.Timings.from(Map.of("LEADER_ELECTION_LEASE_DURATION", "soon")))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("LEADER_ELECTION_LEASE_DURATION must be a positive duration");
    }

    @Test
    void settingsCarryTheTimingsFromTheEnvironment() {
        var settings = OperatorSettings.from(new String[0], Map.of("LEADER_ELECTION_RETRY_PERIOD", "1s"));
        assertThat(settings.leaseTimings().retryPeriod()).isEqualTo(Duration.ofSeconds(1));
    }
}
