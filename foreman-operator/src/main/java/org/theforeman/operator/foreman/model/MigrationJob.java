package org.theforeman.operator.foreman.model;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpecBuilder;
import java.util.List;
import org.theforeman.operator.api.v1alpha1.ComponentSpec;
import org.theforeman.operator.api.v1alpha1.Foreman;
import org.theforeman.operator.foreman.ForemanInputs;
import org.theforeman.operator.foreman.ForemanNames;
import org.theforeman.operator.foreman.Release;

/**
 * {@code db:migrate} and {@code db:seed} of one release (foremanctl's one-shot unit, 30 minutes at most).
 * Named after the image and the plugin set, so a new image or a plugin turned on runs a new Job, and the
 * web and dynflow pods move to that release only once it completed. The seed creates the administrator
 * from SEED_ADMIN_USER/SEED_ADMIN_PASSWORD, which only this Job receives.
 */
public final class MigrationJob {
    public static final String COMPONENT = "migration";
    /** The release a Job migrates to, for people reading the Job. */
    public static final String IMAGE_ANNOTATION = "app.theforeman.org/image";

    public static final String PLUGINS_ANNOTATION = "app.theforeman.org/plugins";

    private MigrationJob() {}

    public static String name(Foreman foreman, Release release) {
        return ForemanNames.of(foreman).migrationJob(release.hash());
    }

    public static Job desired(Foreman foreman, ForemanInputs inputs, Release release) {
        ComponentSpec settings = new ComponentSpec();
        Container migrate = ForemanPods.container(
                foreman,
                inputs,
                release,
                "migrate",
                settings,
                List.of("/bin/bash", "-c", "bin/rails db:migrate && bin/rails db:seed"),
                List.of(
                        ForemanPods.plain("SEED_ADMIN_USER", inputs.admin().username()),
                        ForemanPods.fromSecret(
                                "SEED_ADMIN_PASSWORD",
                                inputs.admin().password().secret(),
                                inputs.admin().password().key())),
                false);
        ObjectMeta metadata = new ObjectMetaBuilder(ForemanMeta.owned(foreman, name(foreman, release), COMPONENT))
                .addToAnnotations(IMAGE_ANNOTATION, release.image())
                .addToAnnotations(PLUGINS_ANNOTATION, release.enabledPlugins())
                .build();
        PodTemplateSpec template = new PodTemplateSpecBuilder(
                        ForemanPods.template(foreman, inputs, COMPONENT, settings, migrate, null, false))
                .editSpec()
                .withRestartPolicy("Never")
                .endSpec()
                .build();
        // Two retries; foremanctl gives the migration 30 minutes.
        JobSpec spec = new JobSpecBuilder()
                .withTemplate(template)
                .withBackoffLimit(2)
                .withActiveDeadlineSeconds(1800L)
                .build();
        return new JobBuilder().withMetadata(metadata).withSpec(spec).build();
    }
}
