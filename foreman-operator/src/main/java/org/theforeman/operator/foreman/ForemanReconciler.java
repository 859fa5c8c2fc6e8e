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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.common.apply.ResourceApplier;
import org.theforeman.operator.common.reconcile.EventRecorder;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.reconcile.RejectedWrites;
import org.theforeman.operator.common.reconcile.StatusUpdates;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.foreman.components.Cache;
import org.theforeman.operator.foreman.components.Configuration;
import org.theforeman.operator.foreman.components.Credentials;
import org.theforeman.operator.foreman.components.Database;
import org.theforeman.operator.foreman.components.Dynflow;
import org.theforeman.operator.foreman.components.Exposure;
import org.theforeman.operator.foreman.components.Migration;
import org.theforeman.operator.foreman.components.RecurringTasks;
import org.theforeman.operator.foreman.components.Web;

/**
 * Orchestrates a Foreman: checks its inputs, then walks its parts in order (each a class in
 * {@code components}, building desired objects with the pure functions in {@code model} and writing only
 * what drifted), and publishes their states as conditions.
 */
public class ForemanReconciler implements Reconciler<Foreman> {
    /** How often to look again while waiting for input the user must fix (a Secret not yet created). */
    static final Duration INPUT_RECHECK = Duration.ofSeconds(15);

    private final ResourceApplier applier;
    private final EventRecorder events;
    private final Clock clock;

    public ForemanReconciler(KubernetesClient client, Clock clock) {
        this.applier = new ResourceApplier(client, ForemanOperator.NAME);
        this.events = new EventRecorder(client, ForemanOperator.NAME);
        this.clock = clock;
    }

    @Override
    public List<EventSource<?, Foreman>> prepareEventSources(EventSourceContext<Foreman> context) {
        return ForemanSources.all(context);
    }

    @Override
    public UpdateControl<Foreman> reconcile(Foreman foreman, Context<Foreman> context) {
        var objects = new ManagedObjects<>(foreman, context, applier, events);
        ForemanInputsResolver.Result resolved =
                ForemanInputsResolver.resolve(foreman, name -> objects.referenced(Secret.class, name));
        if (resolved.inputs() == null) {
            // Nothing is created or changed until the input is fixed: running pods keep serving.
            List<ComponentState> problems = InputProblem.asStates(resolved.problems());
            for (ComponentState problem : problems) {
                if (!StatusUpdates.hasCondition(foreman, problem.conditionType(), problem.reason())) {
                    events.warning(foreman, problem.reason(), problem.message());
                }
            }
            return StatusUpdates.patchIfChanged(foreman, ForemanStatusView.blocked(foreman, problems, clock.instant()))
                    .rescheduleAfter(INPUT_RECHECK);
        }
        ForemanInputs inputs = resolved.inputs();
        List<ComponentState> states = new ArrayList<>();
        try {
            Credentials.Generated credentials = Credentials.reconcile(objects, inputs);
            ComponentState database = Database.reconcile(objects, inputs);
            ComponentState cache = Cache.reconcile(objects, inputs);
            states.addAll(List.of(database, cache));
            String configHash = Configuration.reconcile(objects, inputs, credentials);
            ComponentState migration = Migration.reconcile(objects, inputs, database, cache);
            states.add(migration);
            Release release = Migration.podRelease(objects, inputs, migration);
            states.add(Web.reconcile(objects, inputs, release, configHash));
            states.add(Dynflow.reconcile(objects, inputs, release, configHash));
            RecurringTasks.reconcile(objects, inputs, release);
            states.add(Exposure.reconcile(objects));
        } catch (KubernetesClientException e) {
            states.add(RejectedWrites.toState(e));
        }
        states.removeIf(Objects::isNull);
        return StatusUpdates.patchIfChanged(foreman, ForemanStatusView.of(objects, states, inputs, clock.instant()));
    }
}
