package org.theforeman.operator.pulp;

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
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.apply.ResourceApplier;
import org.theforeman.operator.common.reconcile.EventRecorder;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.reconcile.RejectedWrites;
import org.theforeman.operator.common.reconcile.StatusApply;
import org.theforeman.operator.common.reconcile.StatusUpdates;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.pulp.components.Cache;
import org.theforeman.operator.pulp.components.Credentials;
import org.theforeman.operator.pulp.components.Database;
import org.theforeman.operator.pulp.components.Exposure;
import org.theforeman.operator.pulp.components.Migration;
import org.theforeman.operator.pulp.components.Server;
import org.theforeman.operator.pulp.components.Storage;
import org.theforeman.operator.pulp.components.WebProxy;
import org.theforeman.operator.pulp.model.SettingsConfigMap;

/**
 * Orchestrates a Pulp: checks its inputs, then walks its components in order (each in its own class in
 * {@code components}, building desired objects with the pure functions in {@code model} and writing only
 * what drifted), and publishes their states as conditions.
 */
public class PulpReconciler implements Reconciler<Pulp> {
    /** How often to look again while waiting for input the user must fix (a Secret not yet created). */
    static final Duration INPUT_RECHECK = Duration.ofSeconds(15);

    private final ResourceApplier applier;
    private final EventRecorder events;
    private final Clock clock;

    public PulpReconciler(KubernetesClient client, Clock clock) {
        this.applier = new ResourceApplier(client, PulpOperator.NAME);
        this.events = new EventRecorder(client, PulpOperator.NAME);
        this.clock = clock;
    }

    @Override
    public List<EventSource<?, Pulp>> prepareEventSources(EventSourceContext<Pulp> context) {
        return PulpSources.all(context);
    }

    @Override
    public UpdateControl<Pulp> reconcile(Pulp pulp, Context<Pulp> context) {
        var objects = new ManagedObjects<>(pulp, context, applier, events);
        PulpInputsResolver.Result resolved = PulpInputsResolver.resolve(pulp, PulpInputsResolver.lookupIn(objects));
        if (!resolved.ok()) {
            // Nothing is created or changed until the input is fixed: running pods keep serving.
            List<ComponentState> problems = InputProblem.asStates(resolved.problems());
            for (ComponentState problem : problems) {
                if (!StatusUpdates.hasCondition(pulp, problem.conditionType(), problem.reason())) {
                    events.warning(pulp, problem.reason(), problem.message());
                }
            }
            return StatusApply.applyIfChanged(pulp, PulpStatusView.blocked(pulp, problems, clock.instant()), context)
                    .rescheduleAfter(INPUT_RECHECK);
        }
        PulpInputs inputs = resolved.inputs();
        List<ComponentState> states = new ArrayList<>();
        try {
            Credentials.reconcile(objects, inputs);
            objects.apply(SettingsConfigMap.desired(pulp, inputs));
            ComponentState database = Database.reconcile(objects, inputs);
            states.add(database);
            Cache.reconcile(objects, inputs);
            states.add(Storage.reconcile(objects, inputs));
            ComponentState migration = Migration.reconcile(objects, inputs, database);
            states.add(migration);
            String podImage = Migration.podImage(objects, inputs, migration);
            String podConfigHash = Migration.podConfigHash(objects, inputs, migration);
            for (PulpComponent component : PulpComponent.values()) {
                states.add(Server.reconcile(
                        objects,
                        inputs,
                        component,
                        podImage,
                        podConfigHash,
                        Migration.heldTemplate(objects, inputs, component, migration)));
            }
            states.add(WebProxy.reconcile(objects, inputs));
            states.add(Exposure.reconcile(objects, inputs));
        } catch (KubernetesClientException e) {
            RejectedWrites.report(objects, states, e);
        }
        states.removeIf(Objects::isNull);
        Instant now = clock.instant();
        UpdateControl<Pulp> control =
                StatusApply.applyIfChanged(pulp, PulpStatusView.of(objects, states, inputs, now), context);
        return RejectedWrites.retryAfter(pulp, states, now)
                .map(control::rescheduleAfter)
                .orElse(control);
    }
}
