package org.theforeman.operator.pulp.model;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.List;
import org.theforeman.operator.api.v1alpha1.ComponentSpec;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.common.resources.ConfigHash;
import org.theforeman.operator.pulp.PulpInputs;
import org.theforeman.operator.pulp.PulpInputsResolver;
import org.theforeman.operator.pulp.PulpNames;
import org.theforeman.operator.pulp.PulpPods;
import org.theforeman.operator.pulp.PulpSettings;

/**
 * Database migrations of one image: {@code pulpcore-manager migrate --noinput}, then the admin password
 * is set from its Secret. Named after the image and the settings pulpcore copies into its default Domain
 * when it migrates ({@link PulpSettings#domainSettings}), so a new image or a change of those settings runs
 * a new Job, and the API, content and worker pods move only once it completed.
 */
public final class MigrationJob {
    public static final String COMPONENT = "migration";
    /** The image a Job migrates to, for status and for choosing the pods' image. */
    public static final String IMAGE_ANNOTATION = "app.theforeman.org/image";
    /** The domain-level settings a Job migrates to, when not all are pulpcore's defaults. */
    public static final String DOMAIN_SETTINGS_ANNOTATION = "app.theforeman.org/domain-settings";

    private MigrationJob() {}

    public static String name(Pulp pulp, PulpInputs inputs) {
        return PulpNames.of(pulp).migrationJob(ConfigHash.ofText(target(pulp, inputs)));
    }

    /** What the Job migrates to: the image, and the domain-level settings unless they are all defaults. */
    public static String target(Pulp pulp, PulpInputs inputs) {
        String domain = PulpSettings.domainSettings(pulp, inputs);
        return domain.isEmpty() ? inputs.image() : inputs.image() + " with " + domain;
    }

    /**
     * migrate, the admin password, and with Redis the content cache cleared: it may hold responses made
     * under the old settings (a redirect to object storage) for CACHE_SETTINGS' EXPIRES_TTL. Pulp images
     * without pulpcore-manager clear-cache just keep those until they expire.
     */
    static String command(PulpInputs inputs) {
        String command = "set -e; pulpcore-manager migrate --noinput; pulpcore-manager "
                + "reset-admin-password --password \"$PULP_ADMIN_PASSWORD\"";
        return inputs.cache() == PulpInputs.Cache.NONE
                ? command
                : command + "; pulpcore-manager clear-cache || echo 'the content cache was not cleared: cached"
                        + " responses expire by themselves'";
    }

    public static Job desired(Pulp pulp, PulpInputs inputs) {
        ComponentSpec settings = new ComponentSpec();
        Container base =
                PulpPods.container(pulp, inputs, "migrate", settings, List.of("/bin/sh", "-c", command(inputs)));
        Container migrate = new ContainerBuilder(base)
                .addToEnv(PulpPods.fromSecret(
                        "PULP_ADMIN_PASSWORD",
                        inputs.adminPasswordSecret(),
                        PulpInputsResolver.ADMIN_PASSWORD_KEY,
                        false))
                .build();
        ObjectMetaBuilder meta = new ObjectMetaBuilder(PulpMeta.owned(pulp, name(pulp, inputs), COMPONENT))
                .addToAnnotations(IMAGE_ANNOTATION, inputs.image());
        String domain = PulpSettings.domainSettings(pulp, inputs);
        if (!domain.isEmpty()) {
            meta.addToAnnotations(DOMAIN_SETTINGS_ANNOTATION, domain);
        }
        ObjectMeta metadata = meta.build();
        return new JobBuilder()
                .withMetadata(metadata)
                .withNewSpec()
                .withBackoffLimit(2)
                .withActiveDeadlineSeconds(1800L)
                .withNewTemplate()
                .withNewMetadata()
                .withLabels(metadata.getLabels())
                .endMetadata()
                .withSpec(PulpPods.podSpec(pulp, inputs, settings, List.of(migrate))
                        .withRestartPolicy("Never")
                        .build())
                .endTemplate()
                .endSpec()
                .build();
    }
}
