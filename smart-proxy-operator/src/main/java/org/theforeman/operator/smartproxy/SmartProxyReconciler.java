package org.theforeman.operator.smartproxy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.theforeman.operator.api.v1alpha1.SmartProxy;
import org.theforeman.operator.common.apply.ResourceApplier;
import org.theforeman.operator.common.reconcile.EventRecorder;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.reconcile.RejectedWrites;
import org.theforeman.operator.common.reconcile.StatusApply;
import org.theforeman.operator.common.reconcile.StatusUpdates;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.smartproxy.components.Certificates;
import org.theforeman.operator.smartproxy.components.Deregistration;
import org.theforeman.operator.smartproxy.components.ForemanLink;
import org.theforeman.operator.smartproxy.components.ProxyServer;
import org.theforeman.operator.smartproxy.components.Registration;
import org.theforeman.operator.smartproxy.components.SshKey;
import org.theforeman.operator.smartproxy.model.ProxyEndpoint;
import org.theforeman.operator.smartproxy.model.ProxyFeatures;

/**
 * Orchestrates a SmartProxy: the Foreman it registers with, its certificates, the SSH key, the proxy
 * server (configuration, Deployment, Service, exposure), then its record in Foreman; each in its own class
 * in {@code components}, building desired objects with the pure functions in {@code model}.
 */
public class SmartProxyReconciler implements Reconciler<SmartProxy>, Cleaner<SmartProxy> {
    /** How often to look again while waiting for input, or for a Foreman whose kind cannot be watched here. */
    static final Duration RECHECK = Duration.ofSeconds(10);

    private final ResourceApplier applier;
    private final EventRecorder events;
    private final Clock clock;
    private final Certificates certificates;
    private final Registration registration;
    private final Deregistration deregistration;

    public SmartProxyReconciler(KubernetesClient client, Clock clock, SmartProxyOperator.Settings settings) {
        this.applier = new ResourceApplier(client, SmartProxyOperator.NAME);
        this.events = new EventRecorder(client, SmartProxyOperator.NAME);
        this.clock = clock;
        this.certificates = new Certificates(settings.certificateLifetime());
        this.registration = new Registration(settings.foremanTimeout(), clock);
        this.deregistration = new Deregistration(settings.deregistrationGiveUp(), settings.foremanTimeout());
    }

    @Override
    public List<EventSource<?, SmartProxy>> prepareEventSources(EventSourceContext<SmartProxy> context) {
        return ProxySources.all(context);
    }

    @Override
    public UpdateControl<SmartProxy> reconcile(SmartProxy proxy, Context<SmartProxy> context) {
        var objects = new ManagedObjects<>(proxy, context, applier, events);
        Instant now = clock.instant();
        ProxyEndpoint endpoint = ProxyEndpoint.of(proxy);
        ProxyFeatures features = ProxyFeatures.of(proxy.getSpec().getFeatures());
        List<ComponentState> states = new ArrayList<>();
        try {
            // The certificates and the SSH key need nothing from Foreman: made while a Foreman of the suite
            // still starts, they are there when its web is (a 4096-bit key takes seconds of CPU).
            Certificates.Result tls = certificates.reconcile(objects, endpoint, now);
            SshKey.Result ssh = tls.ok() ? SshKey.reconcile(objects, endpoint, features.needsSshKey()) : null;
            ForemanLink.Result foreman = ForemanLink.resolve(objects);
            List<ComponentState> problems = Stream.of(
                            foreman.problem(), tls.ok() ? null : tls.state(), ssh == null ? null : ssh.problem())
                    .filter(p -> p != null)
                    .toList();
            if (!problems.isEmpty()) {
                // Nothing changes until the input is there or fixed: running pods keep serving.
                warnOnce(proxy, problems);
                return StatusApply.applyIfChanged(proxy, ProxyStatusView.blocked(proxy, problems, now), context)
                        .rescheduleAfter(RECHECK);
            }
            states.add(tls.state());
            ProxyServer.Result server =
                    ProxyServer.reconcile(objects, features, foreman.target(), endpoint, tls.digest(), ssh.publicKey());
            states.add(server.state());
            Registration.Result registered =
                    registration.reconcile(objects, foreman.target(), endpoint, features, server.state());
            states.add(0, registered.state());
            UpdateControl<SmartProxy> control = StatusApply.applyIfChanged(
                    proxy,
                    ProxyStatusView.of(proxy, states, registered.record(), server.deployment(), ssh.publicKey(), now),
                    context);
            return reschedule(control, registered.retryAfter(), tls.renewAt(), now);
        } catch (KubernetesClientException e) {
            RejectedWrites.report(objects, states, e);
            UpdateControl<SmartProxy> control = StatusApply.applyIfChanged(
                    proxy, ProxyStatusView.of(proxy, states, null, null, null, now), context);
            return reschedule(
                    control, RejectedWrites.retryAfter(proxy, states, now).orElse(null), null, now);
        }
    }

    @Override
    public DeleteControl cleanup(SmartProxy proxy, Context<SmartProxy> context) {
        registration.forget(proxy.getMetadata().getUid());
        return deregistration.cleanup(new ManagedObjects<>(proxy, context, applier, events), clock.instant());
    }

    private void warnOnce(SmartProxy proxy, List<ComponentState> problems) {
        for (ComponentState problem : problems) {
            if (problem.phase() == ComponentState.Phase.FAILED
                    && !StatusUpdates.hasCondition(proxy, problem.conditionType(), problem.reason())) {
                events.warning(proxy, problem.reason(), problem.message());
            }
        }
    }

    /** Wakes up for a registration retry or a certificate renewal, whichever comes first. */
    static UpdateControl<SmartProxy> reschedule(
            UpdateControl<SmartProxy> control, Duration retry, Instant renewAt, Instant now) {
        Duration next = retry;
        if (renewAt != null) {
            Duration untilRenewal = Duration.between(now, renewAt).plusSeconds(1);
            next = next == null || untilRenewal.compareTo(next) < 0 ? untilRenewal : next;
        }
        return next == null ? control : control.rescheduleAfter(next.isNegative() ? Duration.ofSeconds(1) : next);
    }
}
