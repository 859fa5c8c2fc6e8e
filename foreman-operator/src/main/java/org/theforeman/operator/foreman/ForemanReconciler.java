package org.theforeman.operator.foreman;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.common.apply.ResourceApplier;
import org.theforeman.operator.common.foreman.ForemanClient;
import org.theforeman.operator.common.reconcile.EventRecorder;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.reconcile.RejectedWrites;
import org.theforeman.operator.common.reconcile.StatusApply;
import org.theforeman.operator.common.reconcile.StatusUpdates;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.foreman.components.Cache;
import org.theforeman.operator.foreman.components.Candlepin;
import org.theforeman.operator.foreman.components.Children;
import org.theforeman.operator.foreman.components.Configuration;
import org.theforeman.operator.foreman.components.Credentials;
import org.theforeman.operator.foreman.components.Database;
import org.theforeman.operator.foreman.components.Dynflow;
import org.theforeman.operator.foreman.components.Exposure;
import org.theforeman.operator.foreman.components.Migration;
import org.theforeman.operator.foreman.components.PulpRegistration;
import org.theforeman.operator.foreman.components.RecurringTasks;
import org.theforeman.operator.foreman.components.Web;

/**
 * Orchestrates a Foreman: checks its inputs, then walks its parts in order (each a class in
 * {@code components}, building desired objects with the pure functions in {@code model} and writing only
 * what drifted), and publishes their states as conditions.
 */
public class ForemanReconciler implements Reconciler<Foreman> {
    private final Clock clock;
    private final ResourceApplier applier;
    private final EventRecorder events;
    private final PulpRegistration pulpRegistration;

    public ForemanReconciler(KubernetesClient client, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pulpRegistration = new PulpRegistration(ForemanClient.DEFAULT_TIMEOUT, clock);
        this.applier = new ResourceApplier(client, ForemanOperator.NAME);
        this.events = new EventRecorder(client, ForemanOperator.NAME);
    }

    @Override
    public UpdateControl<Foreman> reconcile(Foreman foreman, Context<Foreman> context) {
        var objects = new ManagedObjects<>(foreman, context, applier, events);
        var resolved = ForemanInputsResolver.resolve(foreman, name -> objects.referenced(Secret.class, name));
        if (resolved.inputs() == null) {
            return blocked(foreman, InputProblem.asStates(resolved.problems()), context);
        }
        List<ComponentState> states = new ArrayList<>();
        Duration retry = parts(objects, resolved.inputs(), states);
        Instant now = clock.instant();
        UpdateControl<Foreman> control = StatusApply.applyIfChanged(
                foreman, ForemanStatusView.of(objects, resolved.inputs(), states, now), context);
        Duration registrationRetry = retry;
        // A refused write is retried with backoff (RejectedWrites), not by throwing.
        return RejectedWrites.retryAfter(foreman, states, now)
                .or(() -> Optional.ofNullable(registrationRetry))
                .map(control::rescheduleAfter)
                .orElse(control);
    }

    /**
     * What a Foreman is, in order; each part writes only what drifted and says how it is.
     *
     * @return when to look again for a failed registration, or null
     */
    private Duration parts(ManagedObjects<Foreman> objects, ForemanInputs inputs, List<ComponentState> states) {
        Duration retry = null;
        try {
            Children.Applied children = Children.apply(objects, inputs);
            Credentials.Generated credentials = Credentials.reconcile(objects, inputs);
            ComponentState database = Database.reconcile(objects, inputs);
            ComponentState cache = Cache.reconcile(objects, inputs);
            states.addAll(List.of(database, cache));
            String configHash = Configuration.reconcile(objects, inputs, credentials);
            Candlepin.Result candlepin = Candlepin.reconcile(objects, inputs, database, clock.instant());
            states.add(candlepin.state());
            ComponentState migration = Migration.reconcile(objects, inputs, database, cache, candlepin.ready());
            states.add(migration);
            Release release = Migration.podRelease(objects, inputs, migration);
            String podHash = Candlepin.podHash(configHash, release, candlepin);
            ComponentState web = Web.reconcile(objects, inputs, release, podHash);
            states.add(web);
            states.add(Dynflow.reconcile(objects, inputs, release, podHash));
            Candlepin.retireKatelloConfig(objects, release);
            RecurringTasks.reconcile(objects, inputs, release);
            states.add(Exposure.reconcile(objects));
            Children.Result mirrored = Children.states(objects, inputs, credentials, web, pulpRegistration, children);
            states.addAll(mirrored.states());
            retry = mirrored.retryAfter();
        } catch (KubernetesClientException e) {
            RejectedWrites.report(objects, states, e);
        }
        states.removeIf(Objects::isNull);
        return retry;
    }

    /** Input the user must fix: said in status and once in an event; nothing else changes meanwhile. */
    private UpdateControl<Foreman> blocked(Foreman foreman, List<ComponentState> problems, Context<Foreman> context) {
        problems.stream()
                .filter(p -> !StatusUpdates.hasCondition(foreman, p.conditionType(), p.reason()))
                .forEach(p -> events.warning(foreman, p.reason(), p.message()));
        return StatusApply.applyIfChanged(
                        foreman, ForemanStatusView.blocked(foreman, problems, clock.instant()), context)
                // Look again now and then: a Secret the user creates later is also seen through its informer.
                .rescheduleAfter(Duration.ofSeconds(15));
    }

    /** The objects it manages and the user's Secrets a Foreman names: a change to one reconciles it. */
    @Override
    public List<EventSource<?, Foreman>> prepareEventSources(EventSourceContext<Foreman> context) {
        return ForemanSources.all(context);
    }
}
