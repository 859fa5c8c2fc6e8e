package org.theforeman.operator.smartproxy.components;

import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.theforeman.operator.api.v1alpha1.DeletionPolicy;
import org.theforeman.operator.api.v1alpha1.SmartProxy;
import org.theforeman.operator.common.foreman.ForemanApiException;
import org.theforeman.operator.common.foreman.ForemanClient;
import org.theforeman.operator.common.reconcile.ManagedObjects;

/**
 * On delete with deletion_policy Delete, removes the proxy's record from Foreman. A Foreman that cannot be
 * reached (or credentials that are gone, as in a namespace being deleted) is retried for a bounded time,
 * then given up with a Warning event, so that deleting a namespace never hangs on an external system.
 */
public final class Deregistration {
    static final Duration RETRY = Duration.ofSeconds(3);

    private final Duration giveUpAfter;
    private final Duration timeout;

    public Deregistration(Duration giveUpAfter, Duration timeout) {
        this.giveUpAfter = giveUpAfter;
        this.timeout = timeout;
    }

    public DeleteControl cleanup(ManagedObjects<SmartProxy> objects, Instant now) {
        SmartProxy proxy = objects.primary();
        Long id = proxy.getStatus() == null ? null : proxy.getStatus().getProxyId();
        if (proxy.getSpec().getDeletionPolicy() != DeletionPolicy.Delete || id == null) {
            return DeleteControl.defaultDelete();
        }
        String problem;
        ForemanLink.Result link = ForemanLink.resolve(objects);
        if (link.ok()) {
            try {
                new ForemanClient(URI.create(link.target().url()), link.target().credentials(), timeout)
                        .deleteSmartProxy(id);
                objects.events()
                        .normal(
                                proxy,
                                "Deregistered",
                                "Deleted smart proxy " + id + " from Foreman at "
                                        + link.target().url());
                return DeleteControl.defaultDelete();
            } catch (ForemanApiException e) {
                problem = e.getMessage();
            }
        } else {
            problem = link.problem().message();
        }
        Instant deleting =
                OffsetDateTime.parse(proxy.getMetadata().getDeletionTimestamp()).toInstant();
        if (now.isBefore(deleting.plus(giveUpAfter))) {
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(RETRY);
        }
        objects.events()
                .warning(
                        proxy,
                        "DeregistrationAbandoned",
                        "Gave up deleting smart proxy " + id + " from Foreman after " + giveUpAfter.toSeconds() + "s: "
                                + problem + " Delete it in Foreman by hand.");
        return DeleteControl.defaultDelete();
    }
}
