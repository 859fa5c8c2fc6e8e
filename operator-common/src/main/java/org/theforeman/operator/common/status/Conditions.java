package org.theforeman.operator.common.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * metav1 Condition bookkeeping. {@code lastTransitionTime} records when the status last flipped, so it
 * is carried over whenever the status stays the same, even if reason or message change.
 */
public final class Conditions {
    public static final String TRUE = "True";
    public static final String FALSE = "False";
    public static final String UNKNOWN = "Unknown";

    public static final String READY = "Ready";
    public static final String PROGRESSING = "Progressing";
    public static final String DEGRADED = "Degraded";

    private Conditions() {}

    /** A condition without a transition time yet; {@link #upsert} fills it in. */
    public static Condition of(String type, String status, String reason, String message, long generation) {
        return new ConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .withObservedGeneration(generation)
                .build();
    }

    /**
     * Returns a new list in which {@code desired} replaces the condition of the same type (keeping its
     * position) or is appended. The transition time is the old one when the status did not change, else
     * {@code now} (RFC 3339, seconds, as the API server stores it).
     */
    public static List<Condition> upsert(List<Condition> current, Condition desired, Instant now) {
        Objects.requireNonNull(desired.getType(), "condition type");
        List<Condition> result = new ArrayList<>(current == null ? List.of() : current);
        Optional<Condition> previous = find(result, desired.getType());
        String transition = previous.filter(p -> Objects.equals(p.getStatus(), desired.getStatus()))
                .map(Condition::getLastTransitionTime)
                .filter(t -> t != null && !t.isEmpty())
                .orElseGet(() -> format(now));
        Condition merged =
                new ConditionBuilder(desired).withLastTransitionTime(transition).build();
        if (previous.isPresent()) {
            result.set(result.indexOf(previous.get()), merged);
        } else {
            result.add(merged);
        }
        return result;
    }

    /** Applies {@link #upsert} for each desired condition in order. */
    public static List<Condition> upsertAll(List<Condition> current, List<Condition> desired, Instant now) {
        List<Condition> result = current == null ? List.of() : current;
        for (Condition condition : desired) {
            result = upsert(result, condition, now);
        }
        return result;
    }

    public static Optional<Condition> find(List<Condition> conditions, String type) {
        if (conditions == null) {
            return Optional.empty();
        }
        return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    /**
     * True when {@code type} is True and was computed for {@code generation}: the rule a parent applies
     * before trusting a child's Ready condition.
     */
    public static boolean isTrueFor(List<Condition> conditions, String type, Long generation) {
        return find(conditions, type)
                .filter(c -> TRUE.equals(c.getStatus()))
                .filter(c -> generation != null && generation.equals(c.getObservedGeneration()))
                .isPresent();
    }

    static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
