package org.theforeman.operator.common.reconcile;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes Events about what the operator did (kubectl describe shows them). Messages name objects,
 * never values of Secrets. A failure to record is logged, not raised: events are informational.
 */
public final class EventRecorder {
    private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);

    private final KubernetesClient client;
    private final String component;

    public EventRecorder(KubernetesClient client, String component) {
        this.client = client;
        this.component = component;
    }

    public void normal(HasMetadata regarding, String reason, String message) {
        record(regarding, "Normal", reason, message);
    }

    public void warning(HasMetadata regarding, String reason, String message) {
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
