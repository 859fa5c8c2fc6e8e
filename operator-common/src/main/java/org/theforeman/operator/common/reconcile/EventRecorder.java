package org.theforeman.operator.common.reconcile;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes Events about what the operator did (kubectl describe shows them). Messages name objects,
 * never values of Secrets. A failure to record is logged, not raised: events are informational.
 */
public final class EventRecorder {
    private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);

    static final Duration WARNING_REPEAT = Duration.ofMinutes(10);
    private static final int REMEMBERED_WARNINGS = 1000;

    /** Warnings recorded lately, oldest first, bounded. */
    private final Map<String, Instant> recentWarnings = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > REMEMBERED_WARNINGS;
        }
    };

    private final KubernetesClient client;
    private final String component;

    public EventRecorder(KubernetesClient client, String component) {
        this.client = client;
        this.component = component;
    }

    public void normal(HasMetadata regarding, String reason, String message) {
        record(regarding, "Normal", reason, message);
    }

    /**
     * Records a Warning, unless the same one (object, reason, message) was recorded in the last
     * {@link #WARNING_REPEAT}: two reconciles in a row can both see a failure as new before the status
     * that reports it is back in the cache, and a person wants it said once.
     */
    public void warning(HasMetadata regarding, String reason, String message) {
        String key = regarding.getMetadata().getUid() + "/" + reason + "/" + message;
        Instant now = Instant.now();
        synchronized (recentWarnings) {
            Instant last = recentWarnings.get(key);
            if (last != null && last.plus(WARNING_REPEAT).isAfter(now)) {
                return;
            }
            recentWarnings.put(key, now);
        }
        record(regarding, "Warning", reason, message);
    }

    private void record(HasMetadata regarding, String type, String reason, String message) {
        String now = DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        var event = new EventBuilder()
                .withNewMetadata()
                .withGenerateName(regarding.getMetadata().getName() + ".")
                .withNamespace(regarding.getMetadata().getNamespace())
                .endMetadata()
                .withInvolvedObject(new ObjectReferenceBuilder()
                        .withApiVersion(regarding.getApiVersion())
                        .withKind(regarding.getKind())
                        .withName(regarding.getMetadata().getName())
                        .withNamespace(regarding.getMetadata().getNamespace())
                        .withUid(regarding.getMetadata().getUid())
                        .build())
                .withType(type)
                .withReason(reason)
                .withMessage(message)
                .withFirstTimestamp(now)
                .withLastTimestamp(now)
                .withCount(1)
                .withNewSource()
                .withComponent(component)
                .endSource()
                .withReportingComponent(component)
                .build();
        try {
            client.v1()
                    .events()
                    .inNamespace(regarding.getMetadata().getNamespace())
                    .resource(event)
                    .create();
        } catch (KubernetesClientException e) {
            log.warn(
                    "could not record event {} on {}/{}: {}",
                    reason,
                    regarding.getKind(),
                    regarding.getMetadata().getName(),
                    e.getMessage());
        }
        log.info(
                "{} {}/{}: {} {}",
                type,
                regarding.getKind(),
                regarding.getMetadata().getName(),
                reason,
                message);
    }
}
