package org.theforeman.operator.pulp;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.theforeman.operator.api.v1alpha1.ExposureType;
import org.theforeman.operator.api.v1alpha1.Pulp;
import org.theforeman.operator.api.v1alpha1.PulpSpec;
import org.theforeman.operator.api.v1alpha1.PulpStatus;
import org.theforeman.operator.common.apply.ResourceApplier;
import org.theforeman.operator.common.reconcile.EventRecorder;
import org.theforeman.operator.common.reconcile.ManagedSources;
import org.theforeman.operator.common.reconcile.StatusUpdates;
import org.theforeman.operator.common.resources.ConfigHash;
import org.theforeman.operator.common.status.ComponentState;
import org.theforeman.operator.common.status.Conditions;
import org.theforeman.operator.pulp.dependent.AdminPasswordSecret;
import org.theforeman.operator.pulp.dependent.ApiDeployment;
import org.theforeman.operator.pulp.dependent.ComponentAutoscaler;
import org.theforeman.operator.pulp.dependent.ComponentDisruptionBudget;
import org.theforeman.operator.pulp.dependent.ComponentService;
import org.theforeman.operator.pulp.dependent.ContentDeployment;
import org.theforeman.operator.pulp.dependent.DbFieldsEncryptionSecret;
import org.theforeman.operator.pulp.dependent.FileStorageClaim;
import org.theforeman.operator.pulp.dependent.ManagedDatabaseSecret;
import org.theforeman.operator.pulp.dependent.MigrationJob;
import org.theforeman.operator.pulp.dependent.PostgresService;
import org.theforeman.operator.pulp.dependent.PostgresStatefulSet;
import org.theforeman.operator.pulp.dependent.PulpIngress;
import org.theforeman.operator.pulp.dependent.PulpRoutes;
import org.theforeman.operator.pulp.dependent.RedisDeployment;
import org.theforeman.operator.pulp.dependent.RedisService;
import org.theforeman.operator.pulp.dependent.SecretKeySecret;
import org.theforeman.operator.pulp.dependent.SettingsConfigMap;
import org.theforeman.operator.pulp.dependent.WebConfigMap;
import org.theforeman.operator.pulp.dependent.WebDeployment;
import org.theforeman.operator.pulp.dependent.WebService;
import org.theforeman.operator.pulp.dependent.WorkerDeployment;

/**
 * Orchestrates a Pulp: checks its inputs, applies the desired objects built by the classes in
 * {@code dependent} (writing only what drifted), runs migrations before the pods move to a new image,
 * and publishes conditions. Desired state itself is built elsewhere, by pure functions.
 */
public class PulpReconciler implements Reconciler<Pulp> {
    static final String DATABASE_READY = "DatabaseReady";
    static final String MIGRATIONS_COMPLETE = "MigrationsComplete";
    /** Reported only when the API server refuses an object the spec implies. */
    static final String RESOURCES_APPLIED = "ResourcesApplied";
    /** Reported only with ingress_type route, which depends on the cluster serving OpenShift's Route API. */
    static final String EXPOSURE_READY = "ExposureReady";

    static final String WEB_READY = "WebReady";
    /** Reported only when the artifact claim cannot be provisioned for a reason the user must fix. */
    static final String STORAGE_READY = "StorageReady";
    /** How often to look again while waiting for input the user must fix (a Secret not yet created). */
    static final Duration INPUT_RECHECK = Duration.ofSeconds(15);

    private static final List<Class<? extends HasMetadata>> MANAGED_TYPES = List.of(
            Service.class,
            Deployment.class,
            StatefulSet.class,
            Job.class,
            PersistentVolumeClaim.class,
            Ingress.class,
            HorizontalPodAutoscaler.class,
            PodDisruptionBudget.class);

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
        List<EventSource<?, Pulp>> sources = new ArrayList<>();
        for (Class<? extends HasMetadata> type : MANAGED_TYPES) {
            sources.add(ManagedSources.managed(type, context, PulpNames.APPLICATION, PulpOperator.NAME));
        }
        sources.add(ManagedSources.managedOrReferenced(
                Secret.class, context, PulpNames.APPLICATION, PulpOperator.NAME, PulpReconciler::referencedSecrets));
        sources.add(ManagedSources.managedOrReferenced(
                ConfigMap.class,
                context,
                PulpNames.APPLICATION,
                PulpOperator.NAME,
                pulp -> pulp.getSpec().getCustomPulpSettings() == null
                        ? Set.of()
                        : Set.of(pulp.getSpec().getCustomPulpSettings())));
        return sources;
    }

    static Set<String> referencedSecrets(Pulp pulp) {
        PulpSpec spec = pulp.getSpec();
        Set<String> names = new LinkedHashSet<>();
        if (spec.getDatabase() != null) {
            names.add(spec.getDatabase().getExternalDbSecret());
        }
        if (spec.getCache() != null) {
            names.add(spec.getCache().getExternalCacheSecret());
        }
        names.add(spec.getObjectStorageS3Secret());
        names.add(spec.getObjectStorageAzureSecret());
        names.add(spec.getAdminPasswordSecret());
        names.add(spec.getPulpSecretKey());
        names.add(spec.getDbFieldsEncryptionSecret());
        names.remove(null);
        return names;
    }

    @Override
    public UpdateControl<Pulp> reconcile(Pulp pulp, Context<Pulp> context) {
        PulpNames names = PulpNames.of(pulp);
        PulpInputsResolver.Result resolved = PulpInputsResolver.resolve(pulp, new PulpInputsResolver.Lookup() {
            @Override
            public Secret secret(String name) {
                return ManagedSources.cached(context, pulp, Secret.class, name);
            }

            @Override
            public ConfigMap configMap(String name) {
                return ManagedSources.cached(context, pulp, ConfigMap.class, name);
            }

            @Override
            public boolean claimExists(String name) {
                return applier.client()
                                .persistentVolumeClaims()
                                .inNamespace(pulp.getMetadata().getNamespace())
                                .withName(name)
                                .get()
                        != null;
            }
        });
        if (!resolved.ok()) {
            // Nothing is created or changed until the input is fixed: running pods keep serving.
            List<ComponentState> blocked = resolved.problems().stream()
                    .map(p -> ComponentState.failed(p.condition(), p.reason(), p.message()))
                    .collect(Collectors.toMap(
                            ComponentState::conditionType,
                            c -> c,
                            (a, b) -> new ComponentState(
                                    a.conditionType(), a.phase(), a.reason(), a.message() + "; " + b.message()),
                            LinkedHashMap::new))
                    .values()
                    .stream()
                    .toList();
            PulpStatus status = statusOf(pulp, blocked, null, context);
            for (ComponentState problem : blocked) {
                if (!hadCondition(pulp, problem.conditionType(), problem.reason())) {
                    events.warning(pulp, problem.reason(), problem.message());
                }
            }
            return StatusUpdates.patchIfChanged(pulp, status).rescheduleAfter(INPUT_RECHECK);
        }
        PulpInputs inputs = resolved.inputs();
        List<ComponentState> components = new ArrayList<>();
        try {
            applyCredentials(pulp, inputs, context, names);
            apply(SettingsConfigMap.desired(pulp, inputs), context, ConfigMap.class);
            ComponentState database = reconcileDatabase(pulp, inputs, context, names);
            components.add(database);
            reconcileCache(pulp, inputs, context, names);
            if (inputs.storage() == PulpInputs.Storage.FILE_CLAIM) {
                PersistentVolumeClaim claim =
                        apply(FileStorageClaim.desired(pulp), context, PersistentVolumeClaim.class);
                ComponentState storage = storageClassProblem(pulp, claim);
                if (storage != null) {
                    components.add(storage);
                }
            }
            ComponentState migration = reconcileMigration(pulp, inputs, context, database);
            components.add(migration);
            String podImage = migration.phase() == ComponentState.Phase.READY
                    ? inputs.image()
                    : runningImage(pulp, context, names);
            components.addAll(reconcileComponents(pulp, inputs, context, names, podImage));
            ComponentState web = reconcileWeb(pulp, inputs, context, names);
            if (web != null) {
                components.add(web);
            }
            ComponentState exposure = reconcileExposure(pulp, inputs, context, names);
            if (exposure != null) {
                components.add(exposure);
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() < 400 || e.getCode() >= 500 || e.getCode() == 409 || e.getCode() == 429) {
                throw e; // transient: JOSDK retries with backoff
            }
            // The API server refused what the spec asks for (e.g. shrinking a claim): say so, do not loop.
            String reason = e.getStatus() != null && e.getStatus().getMessage() != null
                    ? e.getStatus().getMessage()
                    : e.getMessage();
            components.add(ComponentState.failed(
                    RESOURCES_APPLIED, "Rejected", "The API server rejected a change: " + reason));
        }
        return StatusUpdates.patchIfChanged(pulp, statusOf(pulp, components, inputs, context));
    }

    private void applyCredentials(Pulp pulp, PulpInputs inputs, Context<Pulp> context, PulpNames names) {
        PulpSpec spec = pulp.getSpec();
        if (spec.getAdminPasswordSecret() == null) {
            applySecret(
                    AdminPasswordSecret.desired(pulp, cached(context, pulp, Secret.class, names.adminPasswordSecret())),
                    pulp);
        }
        if (spec.getPulpSecretKey() == null) {
            applySecret(
                    SecretKeySecret.desired(pulp, cached(context, pulp, Secret.class, names.secretKeySecret())), pulp);
        }
        if (spec.getDbFieldsEncryptionSecret() == null) {
            applySecret(
                    DbFieldsEncryptionSecret.desired(
                            pulp, cached(context, pulp, Secret.class, names.dbFieldsEncryptionSecret())),
                    pulp);
        }
        if (inputs.managedDatabase()) {
            applySecret(
                    ManagedDatabaseSecret.desired(
                            pulp, cached(context, pulp, Secret.class, names.managedDatabaseSecret())),
                    pulp);
        }
    }

    private void applySecret(Secret desired, Pulp pulp) {
        Secret actual = applier.client()
                .secrets()
                .inNamespace(pulp.getMetadata().getNamespace())
                .withName(desired.getMetadata().getName())
                .get();
        // Read through, not from the cache: a generated value must never be replaced because the cache lagged.
        Secret completed = actual == null ? desired : mergeExisting(desired, actual);
        if (applier.apply(completed, actual) == ResourceApplier.Outcome.CREATED) {
            events.normal(
                    pulp,
                    "SecretGenerated",
                    "Generated Secret " + desired.getMetadata().getName());
        }
    }

    private static Secret mergeExisting(Secret desired, Secret actual) {
        Map<String, String> data = new LinkedHashMap<>(desired.getData());
        if (actual.getData() != null) {
            data.putAll(actual.getData());
        }
        desired.setData(data);
        return desired;
    }

    private ComponentState reconcileDatabase(Pulp pulp, PulpInputs inputs, Context<Pulp> context, PulpNames names) {
        if (!inputs.managedDatabase()) {
            return ComponentState.ready(
                    DATABASE_READY,
                    "ExternalDatabase",
                    "Using the external database of Secret " + inputs.databaseSecret() + ".");
        }
        apply(PostgresService.desired(pulp), context, Service.class);
        StatefulSet statefulSet = apply(PostgresStatefulSet.desired(pulp), context, StatefulSet.class);
        int ready = statefulSet == null
                        || statefulSet.getStatus() == null
                        || statefulSet.getStatus().getReadyReplicas() == null
                ? 0
                : statefulSet.getStatus().getReadyReplicas();
        return ready >= 1
                ? ComponentState.ready(
                        DATABASE_READY,
                        "ManagedDatabaseReady",
                        "PostgreSQL StatefulSet " + names.postgres() + " is ready.")
                : ComponentState.progressing(
                        DATABASE_READY,
                        "ManagedDatabaseStarting",
                        "Waiting for PostgreSQL StatefulSet " + names.postgres() + ".");
    }

    private void reconcileCache(Pulp pulp, PulpInputs inputs, Context<Pulp> context, PulpNames names) {
        if (inputs.cache() == PulpInputs.Cache.MANAGED) {
            apply(RedisService.desired(pulp), context, Service.class);
            apply(RedisDeployment.desired(pulp), context, Deployment.class);
        } else {
            deleteIfPresent(cached(context, pulp, Deployment.class, names.redis()));
            deleteIfPresent(cached(context, pulp, Service.class, names.redis()));
        }
    }

    private ComponentState reconcileMigration(
            Pulp pulp, PulpInputs inputs, Context<Pulp> context, ComponentState database) {
        String jobName = MigrationJob.name(pulp, inputs);
        Job job = cached(context, pulp, Job.class, jobName);
        if (job == null) {
            if (database.phase() != ComponentState.Phase.READY) {
                return ComponentState.progressing(
                        MIGRATIONS_COMPLETE, "WaitingForDatabase", "Migrations start once the database is ready.");
            }
            apply(MigrationJob.desired(pulp, inputs), context, Job.class);
            events.normal(
                    pulp,
                    "MigrationStarted",
                    "Started Job " + jobName + " to migrate the database to " + inputs.image());
            return ComponentState.progressing(
                    MIGRATIONS_COMPLETE,
                    "MigrationRunning",
                    "Job " + jobName + " migrates the database to " + inputs.image() + ".");
        }
        if (jobCondition(job, "Complete").isPresent()) {
            // Jobs of older images are history once this one completed.
            for (Job old : ManagedSources.cachedOfComponent(context, pulp, Job.class, MigrationJob.COMPONENT)) {
                if (!old.getMetadata().getName().equals(jobName)) {
                    deleteIfPresent(old);
                }
            }
            return ComponentState.ready(
                    MIGRATIONS_COMPLETE, "Migrated", "The database is migrated for " + inputs.image() + ".");
        }
        Optional<JobCondition> failed = jobCondition(job, "Failed");
        if (failed.isPresent()) {
            if (!hadCondition(pulp, MIGRATIONS_COMPLETE, "MigrationFailed")) {
                events.warning(
                        pulp,
                        "MigrationFailed",
                        "Job " + jobName + " failed: " + failed.get().getReason());
            }
            return ComponentState.failed(
                    MIGRATIONS_COMPLETE,
                    "MigrationFailed",
                    "Job " + jobName + " failed (" + failed.get().getReason()
                            + ": " + Objects.requireNonNullElse(failed.get().getMessage(), "")
                            + "); the pods keep running the previous image."
                            + " See kubectl logs job/" + jobName + "; delete the Job to retry.");
        }
        return ComponentState.progressing(
                MIGRATIONS_COMPLETE,
                "MigrationRunning",
                "Job " + jobName + " migrates the database to " + inputs.image() + ".");
    }

    private List<ComponentState> reconcileComponents(
            Pulp pulp, PulpInputs inputs, Context<Pulp> context, PulpNames names, String image) {
        List<ComponentState> states = new ArrayList<>();
        for (PulpComponent component : PulpComponent.values()) {
            if (image == null) {
                states.add(ComponentState.progressing(
                        component.condition(), "WaitingForMigration", "Deployed once the first migration completes."));
                continue;
            }
            Deployment desired = switch (component) {
                case API -> ApiDeployment.desired(pulp, inputs, image);
                case CONTENT -> ContentDeployment.desired(pulp, inputs, image);
                case WORKER -> WorkerDeployment.desired(pulp, inputs, image);
            };
            Deployment before = cached(
                    context, pulp, Deployment.class, desired.getMetadata().getName());
            Deployment actual = apply(desired, context, Deployment.class);
            if (before != null && actual == desired && !sameTemplate(before, desired)) {
                events.normal(
                        pulp,
                        "RollingOut",
                        "Rolling Deployment " + desired.getMetadata().getName() + " to a new pod template");
            }
            applyOptional(
                    ComponentAutoscaler.desired(pulp, component),
                    HorizontalPodAutoscaler.class,
                    names.component(component),
                    pulp,
                    context);
            applyOptional(
                    ComponentDisruptionBudget.desired(pulp, component),
                    PodDisruptionBudget.class,
                    names.component(component),
                    pulp,
                    context);
            states.add(deploymentState(component, actual, inputs.image()));
        }
        apply(ComponentService.api(pulp), context, Service.class);
        apply(ComponentService.content(pulp), context, Service.class);
        return states;
    }

    static ComponentState deploymentState(PulpComponent component, Deployment deployment, String wantedImage) {
        return deploymentState(component.condition(), deployment, wantedImage);
    }

    static ComponentState deploymentState(String condition, Deployment deployment, String wantedImage) {
        String name = deployment.getMetadata().getName();
        var status = deployment.getStatus();
        int wanted = deployment.getSpec().getReplicas() == null
                ? 1
                : deployment.getSpec().getReplicas();
        String image = deployment
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage();
        if (status == null
                || status.getObservedGeneration() == null
                || status.getObservedGeneration() < deployment.getMetadata().getGeneration()) {
            return ComponentState.progressing(condition, "RollingOut", "Deployment " + name + " is being updated.");
        }
        int updated = Objects.requireNonNullElse(status.getUpdatedReplicas(), 0);
        int available = Objects.requireNonNullElse(status.getAvailableReplicas(), 0);
        int total = Objects.requireNonNullElse(status.getReplicas(), 0);
        if (updated < wanted || available < wanted || total > wanted) {
            return ComponentState.progressing(
                    condition,
                    "RollingOut",
                    "Deployment " + name + ": " + available + "/" + wanted + " available, " + updated + " updated.");
        }
        if (!image.equals(wantedImage)) {
            return ComponentState.progressing(
                    condition,
                    "WaitingForMigration",
                    "Deployment " + name + " runs " + image + " until the migration to " + wantedImage + " completes.");
        }
        return ComponentState.ready(
                condition, "Available", "Deployment " + name + ": " + available + "/" + wanted + " available.");
    }

    /**
     * A claim that stays Pending because its StorageClass does not exist. Reading StorageClasses needs
     * cluster-scoped rights the namespaced Role does not have; the volume binder's events on the claim
     * say the same thing, so they are read instead, and only while a claim with a class is Pending.
     */
    private ComponentState storageClassProblem(Pulp pulp, PersistentVolumeClaim claim) {
        String storageClass = pulp.getSpec().getFileStorageStorageClass();
        if (storageClass == null
                || claim == null
                || claim.getStatus() == null
                || !"Pending".equals(claim.getStatus().getPhase())) {
            return null;
        }
        boolean missing = applier
                .client()
                .v1()
                .events()
                .inNamespace(pulp.getMetadata().getNamespace())
                .withField("involvedObject.name", claim.getMetadata().getName())
                .list()
                .getItems()
                .stream()
                .anyMatch(e -> e.getMessage() != null
                        && e.getMessage().contains("storageclass.storage.k8s.io \"" + storageClass + "\" not found"));
        return missing
                ? ComponentState.failed(
                        STORAGE_READY,
                        "StorageClassNotFound",
                        "StorageClass " + storageClass
                                + " (spec.file_storage_storage_class) does not exist; PersistentVolumeClaim "
                                + claim.getMetadata().getName()
                                + " stays Pending. Create the class or change the field (a bound claim "
                                + "keeps its class).")
                : null;
    }

    /** The optional reverse proxy: deployed while spec.web is set, removed when it is unset. */
    private ComponentState reconcileWeb(Pulp pulp, PulpInputs inputs, Context<Pulp> context, PulpNames names) {
        if (pulp.getSpec().getWeb() == null) {
            deleteIfPresent(cached(context, pulp, Deployment.class, names.web()));
            deleteIfPresent(cached(context, pulp, Service.class, names.web()));
            deleteIfPresent(cached(context, pulp, ConfigMap.class, names.webConfig()));
            return null;
        }
        apply(WebConfigMap.desired(pulp, inputs), context, ConfigMap.class);
        apply(WebService.desired(pulp), context, Service.class);
        Deployment deployment = apply(WebDeployment.desired(pulp, inputs), context, Deployment.class);
        return deploymentState(
                WEB_READY,
                deployment,
                deployment
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage());
    }

    /** Ingress, or Routes where OpenShift serves them; null when exposure needs nothing reported. */
    private ComponentState reconcileExposure(Pulp pulp, PulpInputs inputs, Context<Pulp> context, PulpNames names) {
        ExposureType exposure = pulp.getSpec().getIngressType() == null
                ? ExposureType.none
                : pulp.getSpec().getIngressType();
        if (exposure == ExposureType.ingress) {
            apply(PulpIngress.desired(pulp, inputs), context, Ingress.class);
        } else {
            deleteIfPresent(cached(context, pulp, Ingress.class, names.ingress()));
        }
        if (exposure != ExposureType.route) {
            return null;
        }
        if (!applier.client().supports(PulpRoutes.API_VERSION, PulpRoutes.KIND)) {
            return ComponentState.failed(
                    EXPOSURE_READY,
                    "RouteAPIUnavailable",
                    "ingress_type route needs OpenShift's " + PulpRoutes.API_VERSION
                            + " API, which this cluster does not serve;"
                            + " use ingress_type ingress, nodeport or loadbalancer");
        }
        for (var route : PulpRoutes.desired(pulp, inputs)) {
            var actual = applier.client()
                    .genericKubernetesResources(PulpRoutes.API_VERSION, PulpRoutes.KIND)
                    .inNamespace(pulp.getMetadata().getNamespace())
                    .withName(route.getMetadata().getName())
                    .get();
            applier.apply(route, actual);
        }
        return ComponentState.ready(
                EXPOSURE_READY, "RoutesApplied", "Routes for /pulp/api/ and /pulp/content/ are applied.");
    }

    /** The image the API pods run now, or null before the first rollout. */
    private static String runningImage(Pulp pulp, Context<Pulp> context, PulpNames names) {
        Deployment api = cached(context, pulp, Deployment.class, names.component(PulpComponent.API));
        return api == null
                ? null
                : api.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    private PulpStatus statusOf(Pulp pulp, List<ComponentState> components, PulpInputs inputs, Context<Pulp> context) {
        PulpStatus status = StatusUpdates.desired(pulp, PulpStatus::new, components, clock.instant());
        PulpStatus previous = pulp.getStatus();
        PulpNames names = PulpNames.of(pulp);
        if (inputs == null) {
            // Blocked on input: keep the facts observed before.
            if (previous != null) {
                status.setImage(previous.getImage());
                status.setVersion(previous.getVersion());
                status.setApiUrl(previous.getApiUrl());
                status.setContentOrigin(previous.getContentOrigin());
                status.setAdminPasswordSecret(previous.getAdminPasswordSecret());
                status.setStorageClaim(previous.getStorageClaim());
                status.setReadyPods(previous.getReadyPods());
            }
            return status;
        }
        String running = runningImage(pulp, context, names);
        status.setImage(running);
        status.setVersion(running == null ? null : running.substring(running.lastIndexOf(':') + 1));
        status.setApiUrl("http://" + names.component(PulpComponent.API) + "."
                + pulp.getMetadata().getNamespace() + ".svc:" + PulpComponent.API.port() + "/pulp/api/v3/");
        status.setContentOrigin(inputs.contentOrigin());
        status.setAdminPasswordSecret(inputs.adminPasswordSecret());
        status.setStorageClaim(inputs.usesClaim() ? inputs.storageName() : null);
        List<String> pods = new ArrayList<>();
        for (PulpComponent component : PulpComponent.values()) {
            Deployment deployment = cached(context, pulp, Deployment.class, names.component(component));
            int ready = deployment == null
                            || deployment.getStatus() == null
                            || deployment.getStatus().getReadyReplicas() == null
                    ? 0
                    : deployment.getStatus().getReadyReplicas();
            pods.add(component.id() + " " + ready + "/" + component.replicas(pulp.getSpec()));
        }
        status.setReadyPods(String.join(", ", pods));
        return status;
    }

    private <R extends HasMetadata> R apply(R desired, Context<Pulp> context, Class<R> type) {
        R actual = ManagedSources.cached(
                context,
                type,
                desired.getMetadata().getNamespace(),
                desired.getMetadata().getName());
        if (applier.apply(desired, actual) == ResourceApplier.Outcome.UNCHANGED) {
            return actual;
        }
        return desired;
    }

    private <R extends HasMetadata> void applyOptional(
            R desired, Class<R> type, String name, Pulp pulp, Context<Pulp> context) {
        if (desired != null) {
            apply(desired, context, type);
        } else {
            deleteIfPresent(cached(context, pulp, type, name));
        }
    }

    private void deleteIfPresent(HasMetadata resource) {
        if (resource != null) {
            applier.client()
                    .resource(resource)
                    .withPropagationPolicy(DeletionPropagation.BACKGROUND)
                    .delete();
        }
    }

    private static <R extends HasMetadata> R cached(Context<Pulp> context, Pulp pulp, Class<R> type, String name) {
        return ManagedSources.cached(context, pulp, type, name);
    }

    /** Whether the primary's current status already carries this condition reason (events fire on transitions only). */
    private static boolean hadCondition(Pulp pulp, String type, String reason) {
        return pulp.getStatus() != null
                && Conditions.find(pulp.getStatus().getConditions(), type)
                        .filter(c -> reason.equals(c.getReason()))
                        .isPresent();
    }

    /** The image and config hash are what a rollout changes; other template fields follow the spec too. */
    private static boolean sameTemplate(Deployment before, Deployment desired) {
        var was = before.getSpec().getTemplate();
        var will = desired.getSpec().getTemplate();
        return Objects.equals(
                        was.getSpec().getContainers().get(0).getImage(),
                        will.getSpec().getContainers().get(0).getImage())
                && Objects.equals(
                        annotation(was.getMetadata().getAnnotations()),
                        annotation(will.getMetadata().getAnnotations()));
    }

    private static String annotation(Map<String, String> annotations) {
        return annotations == null ? null : annotations.get(ConfigHash.ANNOTATION);
    }

    private static Optional<JobCondition> jobCondition(Job job, String type) {
        if (job.getStatus() == null || job.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return job.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus()))
                .findFirst();
    }
}
