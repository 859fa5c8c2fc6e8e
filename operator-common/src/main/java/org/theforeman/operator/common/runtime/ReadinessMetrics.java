package org.theforeman.operator.common.runtime;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.processing.Controller;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.theforeman.operator.api.v1alpha1.SuiteStatus;
import org.theforeman.operator.common.status.Conditions;

/**
 * What the alerts and the dashboard need to know about the resources themselves, read from the informer's
 * cache every few seconds (no API call):
 *
 * <ul>
 *   <li>{@code foreman_operator_resources_not_ready{kind}}: resources whose Ready condition is not True for
 *       their generation (the alert "not Ready for 15 min");
 *   <li>{@code foreman_operator_time_to_ready_seconds{kind}}: from a resource's creation to its first Ready,
 *       for resources that became Ready while this process ran.
 * </ul>
 *
 * A standby replica, whose informers do not run, reports 0 and observes nothing.
 */
public final class ReadinessMetrics implements AutoCloseable {
    public static final String NOT_READY = "foreman_operator_resources_not_ready";
    public static final String TIME_TO_READY = "foreman_operator_time_to_ready";
    private static final Duration PERIOD = Duration.ofSeconds(5);

    private final Operator operator;
    private final Instant started = Instant.now();
    private final Map<Class<? extends HasMetadata>, AtomicLong> notReady = new ConcurrentHashMap<>();
    private final Map<Class<? extends HasMetadata>, Timer> timeToReady = new ConcurrentHashMap<>();
    private final Set<String> observed = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "readiness-metrics");
        thread.setDaemon(true);
        return thread;
    });

    private ReadinessMetrics(Operator operator) {
        this.operator = operator;
    }

    static ReadinessMetrics start(MeterRegistry registry, Operator operator, List<Registration<?>> registrations) {
        ReadinessMetrics metrics = new ReadinessMetrics(operator);
        for (Registration<?> registration : registrations) {
            String kind = HasMetadata.getKind(registration.kind());
            AtomicLong count = metrics.notReady.computeIfAbsent(registration.kind(), k -> new AtomicLong());
            Gauge.builder(NOT_READY, count, AtomicLong::get)
                    .description("Resources of this kind whose Ready condition is not True for their generation")
                    .tag("kind", kind)
                    .register(registry);
            metrics.timeToReady.put(
                    registration.kind(),
                    Timer.builder(TIME_TO_READY)
                            .description("From a resource's creation to its first Ready=True")
                            .tag("kind", kind)
                            .publishPercentileHistogram()
                            .minimumExpectedValue(Duration.ofSeconds(1))
                            .maximumExpectedValue(Duration.ofHours(1))
                            .register(registry));
        }
        metrics.scheduler.scheduleWithFixedDelay(
                metrics::update, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return metrics;
    }

    void update() {
        try {
            for (var entry : notReady.entrySet()) {
                long count = 0;
                for (HasMetadata resource : cached(entry.getKey()).toList()) {
                    Condition ready = readyFor(resource);
                    if (ready == null) {
                        count++;
                    } else {
                        observeFirstReady(entry.getKey(), resource, ready);
                    }
                }
                entry.getValue().set(count);
            }
        } catch (RuntimeException e) {
            // A metric must never take the operator down; the next run tries again.
        }
    }

    private void observeFirstReady(Class<? extends HasMetadata> kind, HasMetadata resource, Condition ready) {
        if (resource.getMetadata().getGeneration() == null
                || resource.getMetadata().getGeneration() != 1L
                || !observed.add(resource.getMetadata().getUid())) {
            return;
        }
        try {
            Instant created = Instant.parse(resource.getMetadata().getCreationTimestamp());
            Instant readyAt = Instant.parse(ready.getLastTransitionTime());
            if (readyAt.isAfter(started) && !readyAt.isBefore(created)) {
                timeToReady.get(kind).record(Duration.between(created, readyAt));
            }
        } catch (DateTimeParseException | NullPointerException e) {
            // No usable timestamps: nothing to observe.
        }
    }

    private Stream<? extends HasMetadata> cached(Class<? extends HasMetadata> kind) {
        var runtime = operator.getRuntimeInfo();
        if (!runtime.isStarted()) {
            return Stream.empty();
        }
        return runtime.getRegisteredControllers().stream()
                .filter(c -> c instanceof Controller<?> controller
                        && controller.getConfiguration().getResourceClass().equals(kind))
                .flatMap(c -> ((Controller<?>) c)
                        .getEventSourceManager()
                        .getControllerEventSource()
                        .list());
    }

    /** The Ready condition when it is True for the resource's generation, else null. */
    static Condition readyFor(HasMetadata resource) {
        if (!(resource instanceof CustomResource<?, ?> custom) || !(custom.getStatus() instanceof SuiteStatus status)) {
            return null;
        }
        Long generation = resource.getMetadata().getGeneration();
        return Conditions.isTrueFor(status.getConditions(), Conditions.READY, generation)
                ? Conditions.find(status.getConditions(), Conditions.READY).orElse(null)
                : null;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
