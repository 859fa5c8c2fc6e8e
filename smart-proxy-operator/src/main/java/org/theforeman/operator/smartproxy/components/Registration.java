package org.theforeman.operator.smartproxy.components;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.theforeman.operator.api.v1alpha1.ConditionTypes.SmartProxyConditions;
import org.theforeman.operator.api.v1alpha1.SmartProxy;
import org.theforeman.operator.api.v1alpha1.SmartProxyStatus;
import org.theforeman.operator.common.foreman.ForemanApiException;
import org.theforeman.operator.common.foreman.ForemanClient;
import org.theforeman.operator.common.foreman.SmartProxyRecord;
import org.theforeman.operator.common.reconcile.ManagedObjects;
import org.theforeman.operator.common.resources.ConfigHash;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.smartproxy.model.ProxyEndpoint;
import org.theforeman.operator.smartproxy.model.ProxyFeatures;

/**
 * Registered: the proxy's record in Foreman, named after the proxy's host, with its URL, refreshed after the
 * enabled features change. Registration waits for the proxy's pods (a real Foreman calls the proxy when the
 * record is created or refreshed). Once the record matches what status says was registered, no request is
 * made (one lookup after an operator restart). Failures become Registered=False with Foreman's own words,
 * retried with exponential backoff.
 */
public final class Registration {
    private static final Logger LOG = LoggerFactory.getLogger(Registration.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(2);
    static final Duration MAX_RETRY = Duration.ofMinutes(5);

    /** What Foreman knows of the proxy, for status. */
    public record Record(
            Long id, String name, String url, String foremanUrl, List<String> features, String featuresDigest) {}

    /**
     * @param retryAfter when to try again after a failure, or null
     */
    public record Result(ComponentState state, Record record, Duration retryAfter) {}

    /** The last failure of a proxy: how many in a row, what it said, and not to call Foreman again before when. */
    private record Failure(int count, ComponentState state, Instant retryAt, String inputs) {}

    private final Duration timeout;
    private final Clock clock;
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    /**
     * What this operator registered or looked up since it started, by proxy uid: the truth when the
     * primary's status in the cache lags behind the last status patch.
     */
    private final Map<String, Record> known = new ConcurrentHashMap<>();

    public Registration(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
    }

    public Result reconcile(
            ManagedObjects<SmartProxy> objects,
            ForemanLink.Target foreman,
            ProxyEndpoint endpoint,
            ProxyFeatures features,
            ComponentState proxyReady) {
        SmartProxy proxy = objects.primary();
        String uid = proxy.getMetadata().getUid();
        Record previous = known.containsKey(uid) ? known.get(uid) : previous(proxy.getStatus());
        String digest = ConfigHash.of(features.enabled());
        if (previous != null
                && known.containsKey(uid)
                && endpoint.url().equals(previous.url())
                && endpoint.host().equals(previous.name())
                && foreman.url().equals(previous.foremanUrl())
                && digest.equals(previous.featuresDigest())) {
            return new Result(registered(previous, foreman), previous, null);
        }
        if (proxyReady.phase() != ComponentState.Phase.READY) {
            return new Result(
                    ComponentState.progressing(
                            SmartProxyConditions.REGISTERED,
                            "WaitingForProxy",
                            "Registration with Foreman waits for the proxy's pods: " + proxyReady.message()),
                    previous,
                    null);
        }
        // A new spec, Foreman or credential starts over without waiting.
        String inputs = proxy.getMetadata().getGeneration() + " " + foreman.url() + " " + foreman.credentials();
        Failure last = failures.get(uid);
        if (last != null && !last.inputs().equals(inputs)) {
            last = null;
        }
        Instant now = clock.instant();
        if (last != null && now.isBefore(last.retryAt())) {
            // Other events (status, pods) must not shorten the backoff.
            return new Result(last.state(), previous, Duration.between(now, last.retryAt()));
        }
        ForemanClient client = new ForemanClient(URI.create(foreman.url()), foreman.credentials(), timeout);
        try {
            SmartProxyRecord record = sync(client, previous, endpoint, digest, foreman.url(), objects);
            failures.remove(uid);
            Record current =
                    new Record(record.id(), record.name(), record.url(), foreman.url(), record.features(), digest);
            known.put(uid, current);
            return new Result(registered(current, foreman), current, null);
        } catch (ForemanApiException e) {
            int failed = last == null ? 1 : last.count() + 1;
            Duration retry = backoff(failed);
            ComponentState state = failure(e, foreman);
            failures.put(uid, new Failure(failed, state, now.plus(retry), inputs));
            LOG.info(
                    "SmartProxy {}/{}: registration with {} failed ({}), retrying in {}s",
                    objects.namespace(),
                    proxy.getMetadata().getName(),
                    foreman.url(),
                    e.getMessage(),
                    retry.toSeconds());
            return new Result(state, previous, retry);
        }
    }

    /** Creates, corrects or refreshes the record as needed. */
    private SmartProxyRecord sync(
            ForemanClient client,
            Record previous,
            ProxyEndpoint endpoint,
            String digest,
            String foremanUrl,
            ManagedObjects<SmartProxy> objects)
            throws ForemanApiException {
        String name = endpoint.host();
        boolean sameForeman = previous != null && foremanUrl.equals(previous.foremanUrl());
        Optional<SmartProxyRecord> found = Optional.empty();
        if (sameForeman && previous.id() != null) {
            found = client.findSmartProxy(previous.name()).filter(r -> r.id() == previous.id());
        }
        if (found.isEmpty()) {
            found = client.findSmartProxy(name);
        }
        if (found.isEmpty()) {
            SmartProxyRecord created = client.createSmartProxy(name, endpoint.url());
            objects.events()
                    .normal(
                            objects.primary(),
                            "Registered",
                            "Created smart proxy " + name + " (id " + created.id() + ") in Foreman at " + foremanUrl);
            return created;
        }
        SmartProxyRecord record = found.get();
        boolean moved = !record.url().equals(endpoint.url()) || !record.name().equals(name);
        if (moved) {
            record = client.updateSmartProxy(record.id(), name, endpoint.url());
            objects.events()
                    .normal(
                            objects.primary(),
                            "RegistrationUpdated",
                            "Smart proxy " + name + " now at " + endpoint.url());
        }
        boolean featuresChanged =
                !sameForeman || previous.featuresDigest() == null || !digest.equals(previous.featuresDigest());
        if (moved || featuresChanged) {
            record = client.refreshSmartProxy(record.id());
            objects.events()
                    .normal(objects.primary(), "FeaturesRefreshed", "Foreman refreshed the features of " + name);
        }
        return record;
    }

    static Duration backoff(int failures) {
        long seconds = FIRST_RETRY.toSeconds() << Math.min(failures - 1, 10);
        return Duration.ofSeconds(Math.min(seconds, MAX_RETRY.toSeconds()));
    }

    private static ComponentState registered(Record record, ForemanLink.Target foreman) {
        return ComponentState.ready(
                SmartProxyConditions.REGISTERED,
                "Registered",
                "Smart proxy " + record.name() + " (id " + record.id() + ") is registered in Foreman at "
                        + foreman.url() + ".");
    }

    static ComponentState failure(ForemanApiException e, ForemanLink.Target foreman) {
        String who = foreman.credentials() + " of Secret " + foreman.credentialsSecret();
        String said = e.foremanMessage();
        return switch (e.kind()) {
            case UNREACHABLE ->
                ComponentState.failed(
                        SmartProxyConditions.REGISTERED,
                        "ForemanUnreachable",
                        "Foreman at " + foreman.url() + " cannot be reached: " + said);
            case CERTIFICATE_NOT_TRUSTED ->
                ComponentState.failed(
                        SmartProxyConditions.REGISTERED,
                        "ForemanCertificateNotTrusted",
                        "The certificate of Foreman at " + foreman.url() + " is not trusted (ca.crt of Secret "
                                + foreman.credentialsSecret() + "): " + said);
            case UNAUTHORIZED ->
                ComponentState.failed(
                        SmartProxyConditions.REGISTERED,
                        "ForemanUnauthorized",
                        "Foreman refused the " + who + ": " + said);
            case FORBIDDEN ->
                ComponentState.failed(
                        SmartProxyConditions.REGISTERED,
                        "ForemanForbidden",
                        "Foreman denied the " + who + " the smart proxy permissions: " + said);
            case UNPROCESSABLE ->
                ComponentState.failed(
                        SmartProxyConditions.REGISTERED,
                        "ForemanRejectedProxy",
                        "Foreman did not accept the proxy: " + said);
            default ->
                ComponentState.failed(
                        SmartProxyConditions.REGISTERED,
                        "ForemanError",
                        "Foreman answered " + e.status() + ": " + said);
        };
    }

    private static Record previous(SmartProxyStatus status) {
        if (status == null || status.getProxyId() == null) {
            return null;
        }
        return new Record(
                status.getProxyId(),
                status.getRegisteredName(),
                status.getUrl(),
                status.getForemanUrl(),
                status.getFeatures(),
                status.getRegisteredFeatures());
    }

    /** Forgets a deleted proxy's bookkeeping. */
    public void forget(String uid) {
        failures.remove(uid);
        known.remove(uid);
    }
}
