package org.theforeman.operator.common.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader-election Lease: its timings, as settings, and its release on a graceful stop. Without a
 * release a standby waits for the whole lease duration after the leader stopped; with it, the standby
 * takes over at its next retry.
 */
public final class LeaderLease {
    private static final Logger log = LoggerFactory.getLogger(LeaderLease.class);
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

    private LeaderLease() {}

    /**
     * How long a lease is valid without renewal, how long the leader keeps trying to renew before it
     * gives up, and how often candidates try (and the leader renews).
     */
    public record Timings(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
        /** Kubernetes' own defaults for its controllers: 15 s, 10 s, 2 s. */
        public static final Timings DEFAULT =
                new Timings(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2));

        public Timings {
            if (retryPeriod.compareTo(renewDeadline) >= 0 || renewDeadline.compareTo(leaseDuration) >= 0) {
                throw new StartupException("leader election needs retry period < renew deadline < lease duration, got "
                        + retryPeriod.toMillis() + " ms, " + renewDeadline.toMillis() + " ms, "
                        + leaseDuration.toMillis() + " ms");
            }
        }

        /** From LEADER_ELECTION_LEASE_DURATION, _RENEW_DEADLINE and _RETRY_PERIOD (e.g. 15s, 500ms), else defaults. */
        static Timings from(Map<String, String> env) {
            return new Timings(
                    duration(env, "LEADER_ELECTION_LEASE_DURATION", DEFAULT.leaseDuration),
                    duration(env, "LEADER_ELECTION_RENEW_DEADLINE", DEFAULT.renewDeadline),
                    duration(env, "LEADER_ELECTION_RETRY_PERIOD", DEFAULT.retryPeriod));
        }

        static Duration duration(Map<String, String> env, String name, Duration fallback) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            Matcher matcher = DURATION.matcher(value.trim());
            if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
                throw new StartupException(
                        name + " must be a positive duration such as 15s or 500ms, got '" + value + "'");
            }
            long amount = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2) == null ? "s" : matcher.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            };
        }
    }

    /**
     * Gives the lease up if {@code identity} holds it: no holder, a one-second duration, so that a standby
     * acquires it at its next try. Called after the controllers stopped, so nothing of this term still
     * writes. Failing to release only delays the takeover; it is logged, not raised.
     */
    // The lock remembers the Lease it read, so the update is conditional on that version: a standby
    // that took the lease meanwhile is never overwritten.
    static void release(KubernetesClient client, String namespace, String name, String identity) {
        LeaseLock lock = new LeaseLock(namespace, name, identity);
        try {
            LeaderElectionRecord current = lock.get(client);
            if (current == null || !identity.equals(current.getHolderIdentity())) {
                return;
            }
            ZonedDateTime now = ZonedDateTime.now();
            LeaderElectionRecord released =
                    new LeaderElectionRecord(null, Duration.ofSeconds(1), now, now, current.getLeaderTransitions());
            lock.update(client, released);
            log.info("{} released the leader lease {}/{}", identity, namespace, name);
        } catch (KubernetesClientException e) {
            log.warn("could not release the leader lease {}/{}: {}", namespace, name, e.getMessage());
        }
    }
}
