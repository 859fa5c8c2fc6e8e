package org.theforeman.operator.foreman.components;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.theforeman.operator.api.v1alpha1.ConditionTypes.ForemanConditions;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.common.foreman.ForemanApiException;
import org.theforeman.operator.common.foreman.ForemanClient;
import org.theforeman.operator.common.foreman.ForemanCredentials;
import org.theforeman.operator.common.foreman.SmartProxyRecord;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.resources.ConfigHash;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.common.status.ComponentState.Phase;
import org.theforeman.operator.foreman.ForemanInputs;
import org.theforeman.operator.foreman.model.ChildResources;
import org.theforeman.operator.foreman.model.KatelloNames;

/**
 * The child Pulp's record in Foreman: a smart proxy named after the Pulp whose URL is the smart_proxy
 * plugin's endpoint, so that Foreman finds the pulpcore feature there (Katello has no Pulp URL of its own).
 * Registered once the Pulp is Ready and Foreman's web serves, through Foreman's API at status.internalUrl
 * with the Foreman's own OAuth consumer; afterwards no request is made while nothing changed (one lookup
 * after an operator restart). Failures are part of PulpReady, retried with a doubling backoff.
 */
public final class PulpRegistration {
    private static final Logger LOG = LoggerFactory.getLogger(PulpRegistration.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    private static final Duration MAX_RETRY = Duration.ofMinutes(5);

    /** What a failure said, and not to call Foreman again before when (unless the inputs change). */
    private record Failure(int count, ComponentState state, Instant retryAt, String inputs) {}

    /**
     * @param retryAfter when to reconcile again after a failure, or null
     */
    public record Result(ComponentState state, Duration retryAfter) {}

    private final Duration timeout;
    private final Clock clock;
    private final Map<String, String> registered = new ConcurrentHashMap<>();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();

    public PulpRegistration(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
    }

    /**
     * @param pulp the mirrored PulpReady; registration starts once it is ready
     * @param web the Foreman's WebReady
     */
    public Result reconcile(
            ManagedObjects<Foreman> objects,
            ForemanInputs inputs,
            Credentials.Generated credentials,
            ComponentState pulp,
            ComponentState web) {
        Foreman foreman = objects.primary();
        String uid = foreman.getMetadata().getUid();
        if (pulp.phase() != Phase.READY) {
            return new Result(pulp, null);
        }
        String name = KatelloNames.of(foreman).pulp();
        if (web.phase() != Phase.READY) {
            return new Result(
                    ComponentState.progressing(
                            ForemanConditions.PULP_READY,
                            "WaitingForForemanWeb",
                            "Pulp " + name + " is Ready; its registration in Foreman waits for the web pods."),
                    null);
        }
        String foremanUrl = inputs.endpoint().internalUrl();
        String url = proxyUrl(foreman);
        String wanted = ConfigHash.of(name, url, foremanUrl, credentials.oauthKey(), credentials.oauthSecret());
        if (wanted.equals(registered.get(uid))) {
            return new Result(registeredState(name, foremanUrl), null);
        }
        Instant now = clock.instant();
        Failure last = failures.get(uid);
        if (last != null && last.inputs().equals(wanted) && now.isBefore(last.retryAt())) {
            return new Result(last.state(), Duration.between(now, last.retryAt()));
        }
        ForemanClient client = new ForemanClient(
                URI.create(foremanUrl),
                ForemanCredentials.oauth(credentials.oauthKey(), credentials.oauthSecret(), null),
                timeout);
        try {
            sync(objects, client, name, url);
            failures.remove(uid);
            registered.put(uid, wanted);
            return new Result(registeredState(name, foremanUrl), null);
        } catch (ForemanApiException e) {
            int count = last == null || !last.inputs().equals(wanted) ? 1 : last.count() + 1;
            Duration retry = Duration.ofSeconds(
                    Math.min(FIRST_RETRY.toSeconds() << Math.min(count - 1, 10), MAX_RETRY.toSeconds()));
            ComponentState state = ComponentState.failed(
                    ForemanConditions.PULP_READY,
                    "PulpRegistrationFailed",
                    "Pulp " + name + " is Ready but Foreman at " + foremanUrl + " did not register it: "
                            + e.foremanMessage());
            failures.put(uid, new Failure(count, state, now.plus(retry), wanted));
            LOG.info(
                    "Foreman {}/{}: registering Pulp {} failed ({}), retrying in {}s",
                    objects.namespace(),
                    foreman.getMetadata().getName(),
                    name,
                    e.getMessage(),
                    retry.toSeconds());
            return new Result(state, retry);
        }
    }

    /** The smart_proxy plugin's endpoint on the Pulp's API Service. */
    public static String proxyUrl(Foreman foreman) {
        return ChildResources.pulpApiUrl(foreman) + "/pulp/api/v3/smart_proxy";
    }

    private static void sync(ManagedObjects<Foreman> objects, ForemanClient client, String name, String url)
            throws ForemanApiException {
        Optional<SmartProxyRecord> found = client.findSmartProxy(name);
        if (found.isEmpty()) {
            SmartProxyRecord created = client.createSmartProxy(name, url);
            objects.events()
                    .normal(
                            objects.primary(),
                            "PulpRegistered",
                            "Registered Pulp " + name + " in Foreman as smart proxy " + created.id());
        } else if (!found.get().url().equals(url)) {
            client.updateSmartProxy(found.get().id(), name, url);
            client.refreshSmartProxy(found.get().id());
            objects.events()
                    .normal(objects.primary(), "PulpRegistrationUpdated", "Smart proxy " + name + " now at " + url);
        }
    }

    private static ComponentState registeredState(String name, String foremanUrl) {
        return ComponentState.ready(
                ForemanConditions.PULP_READY,
                "PulpReady",
                "Pulp " + name + " is Ready and registered in Foreman at " + foremanUrl
                        + " with its pulpcore feature.");
    }

    /** Forgets a Foreman whose Pulp is gone (Katello off) or that was deleted. */
    public void forget(String uid) {
        registered.remove(uid);
        failures.remove(uid);
    }
}
