package org.theforeman.operator.common.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.javaoperatorsdk.operator.processing.event.rate.LinearRateLimiter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.theforeman.operator.common.apply.WriteCounter;
import org.theforeman.operator.common.reconcile.PrunedItemStore;

/**
 * Starts an operator process: client, start-up checks, metrics, the JOSDK operator with leader election,
 * the side port, and a shutdown hook for SIGTERM. Every operator's {@code main} is one call to
 * {@link #main}; tests use {@link #launch} to get a handle they can stop.
 */
public final class OperatorLauncher {
    private static final Logger log = LoggerFactory.getLogger(OperatorLauncher.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(20);
    /** How often a waiting operator looks again for its CRDs or its rights. */
    static final Duration CRD_RECHECK = Duration.ofSeconds(3);

    private static final Duration INFORMER_HEALTH_CHECK = Duration.ofSeconds(2);
    static final int RECONCILE_THREADS_PER_CPU = 4;
    static final String DEFAULT_RECONCILE_INTERVAL = "0.5s";

    private OperatorLauncher() {}

    /**
     * Runs until SIGTERM. A {@link StartupException} is printed as one line on stderr and the process
     * exits with status 1.
     *
     * @param name the operator's name, e.g. {@code pulp-operator} (labels, lease, logs)
     * @param registrations builds the reconcilers once the client exists
     */
    public static void main(
            String name, String[] args, Function<KubernetesClient, List<Registration<?>>> registrations) {
        main(name, args, registrations, List.of(), () -> {});
    }

    /**
     * As {@link #main(String, String[], Function)}; with {@value ClassDataTraining#FLAG} as the first
     * argument it is the class-data-sharing training run instead ({@link ClassDataTraining}).
     *
     * @param managedKinds the kinds the operator manages, mapped from JSON in training
     * @param warmUp the operator's builders and drift checks on sample data, run in training
     */
    public static void main(
            String name,
            String[] args,
            Function<KubernetesClient, List<Registration<?>>> registrations,
            List<Class<? extends HasMetadata>> managedKinds,
            Runnable warmUp) {
        if (ClassDataTraining.requested(args)) {
            ClassDataTraining.run(name, registrations, managedKinds, warmUp);
            return;
        }
        try {
            ClusterEndpoints.configure(System.getenv());
            RunningOperator running = launch(name, OperatorSettings.from(args, System.getenv()), registrations);
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, name + "-shutdown"));
        } catch (StartupException e) {
            System.err.println(name + ": cannot start: " + e.getMessage());
            System.exit(1);
        }
    }

    public static RunningOperator launch(
            String name, OperatorSettings settings, Function<KubernetesClient, List<Registration<?>>> registrations) {
        return launch(name, settings, KubernetesClients.config(settings.kubeconfig()), registrations);
    }

    /** As {@link #launch(String, OperatorSettings, Function)} with a client configuration given directly (tests). */
    public static RunningOperator launch(
            String name,
            OperatorSettings settings,
            Config config,
            Function<KubernetesClient, List<Registration<?>>> registrations) {
        try (KubernetesClient probe = KubernetesClients.probeClient(config)) {
            Preflight.apiServerReachable(probe);
            WatchedNamespaces namespaces = WatchedNamespaces.parse(
                    settings.watchNamespaces(), () -> settings.ownNamespace(config.getNamespace()));
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            registry.config().commonTags("operator", name);
            WriteCounter writes = new WriteCounter(registry);
            KubernetesClient client = KubernetesClients.client(config, writes);
            ClusterEndpoints.useClient(client);
            List<Registration<?>> toRegister = registrations.apply(client);
            AtomicReference<Supplier<SideServer.Readiness>> readiness =
                    new AtomicReference<>(() -> new SideServer.Readiness(false, "starting"));
            SideServer side =
                    SideServer.start(settings.httpPort(), () -> readiness.get().get(), registry);
            try {
                awaitCrds(name, probe, toRegister, namespaces, readiness, side.port());
                return start(name, settings, config, client, namespaces, toRegister, registry, writes, side, readiness);
            } catch (RuntimeException e) {
                side.close();
                throw e;
            }
        }
    }

    /**
     * Waits until the operator can watch its kinds (CRDs installed, RBAC applied): one log line says what
     * is missing and how to fix it, /readyz says "waiting", and the operator starts as soon as the cause is
     * gone, instead of exiting into a crash loop.
     */
    private static void awaitCrds(
            String name,
            KubernetesClient probe,
            List<Registration<?>> registrations,
            WatchedNamespaces namespaces,
            AtomicReference<Supplier<SideServer.Readiness>> readiness,
            int sidePort) {
        List<Class<? extends HasMetadata>> kinds = registrations.stream()
                .<Class<? extends HasMetadata>>flatMap(
                        r -> Stream.concat(Stream.of(r.kind()), r.alsoWatched().stream()))
                .collect(Collectors.toList());
        String reported = null;
        for (Optional<String> problem = Preflight.crdProblem(probe, kinds, namespaces);
                problem.isPresent();
                problem = Preflight.crdProblem(probe, kinds, namespaces)) {
            String waiting = problem.get();
            readiness.set(() -> new SideServer.Readiness(false, "waiting: " + waiting));
            if (!waiting.equals(reported)) {
                log.warn("{} is waiting (side port {}): {}", name, sidePort, waiting);
                reported = waiting;
            }
            try {
                Thread.sleep(CRD_RECHECK.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupException("interrupted while waiting: " + waiting);
            }
        }
        if (reported != null) {
            log.info("{}: the wait is over, starting", name);
        }
    }

    private static RunningOperator start(
            String name,
            OperatorSettings settings,
            Config config,
            KubernetesClient client,
            WatchedNamespaces namespaces,
            List<Registration<?>> registrations,
            PrometheusMeterRegistry registry,
            WriteCounter writes,
            SideServer side,
            AtomicReference<Supplier<SideServer.Readiness>> readiness) {
        bindJvmMetrics(registry);
        AtomicBoolean leader = new AtomicBoolean(!settings.leaderElection());
        Gauge.builder("foreman_operator_leader", () -> leader.get() ? 1 : 0)
                .description("1 while this replica is the leader and reconciles, 0 on standby")
                .register(registry);

        String ownNamespace = settings.ownNamespace(config.getNamespace());
        String identity = settings.podName().orElse(name + "-" + UUID.randomUUID());
        AtomicBoolean stopping = new AtomicBoolean(false);
        Operator operator = new Operator(o -> {
            o.withKubernetesClient(client)
                    .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry))
                    // Closed by RunningOperator.close, after the lease is released with it.
                    .withCloseClientOnStop(false)
                    .withStopOnInformerErrorDuringStartup(true)
                    .withCacheSyncTimeout(Duration.ofMinutes(2))
                    .withConcurrentReconciliationThreads(reconcileThreads(System.getenv()));
            if (settings.leaderElection()) {
                o.withLeaderElectionConfiguration(new LeaderElectionConfiguration(
                        name + "-leader",
                        ownNamespace,
                        settings.leaseTimings().leaseDuration(),
                        settings.leaseTimings().renewDeadline(),
                        settings.leaseTimings().retryPeriod(),
                        identity,
                        new LeaderCallbacks(
                                () -> {
                                    leader.set(true);
                                    log.info("{} became the leader in namespace {}", identity, ownNamespace);
                                },
                                () -> {
                                    leader.set(false);
                                    if (!stopping.get()) {
                                        // Losing the lease ends the process: a restart is the only safe way to be
                                        // sure no reconciliation of the old term is still running.
                                        log.error(
                                                "{} lost the leader lease; exiting so that a restart "
                                                        + "rejoins the election",
                                                identity);
                                        new Thread(() -> System.exit(1), name + "-lost-lease").start();
                                    }
                                },
                                newLeader -> log.info("leader is now {}", newLeader)),
                        // Not JOSDK's exit: it would also end the process when we stop it on purpose.
                        false));
            }
        });
        for (Registration<?> registration : registrations) {
            register(operator, registration, namespaces, controllerName(name, registrations, registration));
        }
        try {
            operator.start();
        } catch (RuntimeException e) {
            operator.stop();
            throw new StartupException("the operator failed to start its informers: " + Preflight.rootMessage(e), e);
        }
        readiness.set(() -> readiness(operator, leader.get(), stopping.get()));
        ReadinessMetrics readinessMetrics = ReadinessMetrics.start(registry, operator, registrations);
        watchInformerHealth(name, operator, stopping);
        log.info(
                "{} started: watching {}, leader election {}, side port {}",
                name,
                namespaces,
                settings.leaderElection() ? "on (lease " + ownNamespace + "/" + name + "-leader)" : "off",
                side.port());
        Runnable releaseLease = settings.leaderElection()
                ? () -> LeaderLease.release(client, ownNamespace, name + "-leader", identity)
                : () -> {};
        return new RunningOperator(
                name,
                operator,
                client,
                () -> {
                    readinessMetrics.close();
                    releaseLease.run();
                },
                side,
                registry,
                writes,
                stopping);
    }

    /**
     * Reconciles that run at once: {@code RECONCILE_THREADS}, else {@value #RECONCILE_THREADS_PER_CPU} per
     * available CPU (a reconcile mostly waits for the API server; more threads than that only make the
     * operator's CPU compete with the control plane's on a small node; JOSDK's default is 50).
     */
    static int reconcileThreads(Map<String, String> env) {
        String value = env.get("RECONCILE_THREADS");
        if (value == null || value.isBlank()) {
            return Math.max(2, RECONCILE_THREADS_PER_CPU * Runtime.getRuntime().availableProcessors());
        }
        try {
            int threads = Integer.parseInt(value.trim());
            if (threads < 1) {
                throw new NumberFormatException();
            }
            return threads;
        } catch (NumberFormatException e) {
            throw new StartupException("RECONCILE_THREADS must be a positive number, got '" + value + "'");
        }
    }

    /**
     * {@code RECONCILE_MIN_INTERVAL} (default {@value #DEFAULT_RECONCILE_INTERVAL}, {@code 0} for none): at
     * most one reconcile of a resource in that time; events that arrive meanwhile are handled together by
     * the next one. While a Pulp converges its Deployments, Job and claims change status many times a
     * second: measured at N=10, a third fewer reconciles, less CPU, and all Ready sooner.
     */
    static Optional<Duration> reconcileInterval(Map<String, String> env) {
        String value = env.get("RECONCILE_MIN_INTERVAL");
        if (value != null && value.trim().equals("0")) {
            return Optional.empty();
        }
        return Optional.of(LeaderLease.Timings.duration(
                env, "RECONCILE_MIN_INTERVAL", Duration.parse("PT" + DEFAULT_RECONCILE_INTERVAL.toUpperCase())));
    }

    /** The controller name is also the field manager of status writes: named after the operator. */
    static String controllerName(String name, List<Registration<?>> registrations, Registration<?> registration) {
        if (registration.controllerName() != null) {
            return registration.controllerName();
        }
        return registrations.size() == 1 ? name : name + "-" + HasMetadata.getPlural(registration.kind());
    }

    private static <P extends HasMetadata> void register(
            Operator operator, Registration<P> registration, WatchedNamespaces namespaces, String controllerName) {
        operator.register(registration.reconciler(), o -> {
            o.withName(controllerName).withFieldManager(controllerName);
            reconcileInterval(System.getenv())
                    .ifPresent(interval -> o.withRateLimiter(new LinearRateLimiter(interval, 1)));
            if (namespaces.all() || namespaces.names().size() == 1) {
                // Primaries are cached without managedFields: nothing reads them (status is applied whole).
                o.withItemStore(new PrunedItemStore<>(null));
            }
            if (namespaces.all()) {
                o.watchingAllNamespaces();
            } else {
                o.settingNamespaces(namespaces.names());
            }
        });
    }

    /**
     * Says once when informers stop being healthy (the CRD deleted, the Role removed, the API server
     * gone) and once when they recover: the informers retry by themselves, quietly, and a person should
     * still learn why nothing is reconciled meanwhile.
     */
    private static void watchInformerHealth(String name, Operator operator, AtomicBoolean stopping) {
        AtomicBoolean healthy = new AtomicBoolean(true);
        Thread watcher = new Thread(
                () -> {
                    while (!stopping.get()) {
                        try {
                            Thread.sleep(INFORMER_HEALTH_CHECK.toMillis());
                        } catch (InterruptedException e) {
                            return;
                        }
                        var runtime = operator.getRuntimeInfo();
                        boolean now = !runtime.isStarted() || runtime.allEventSourcesAreHealthy();
                        if (healthy.getAndSet(now) != now && !stopping.get()) {
                            if (now) {
                                log.info("{}: informers healthy again, reconciling", name);
                            } else {
                                log.warn(
                                        "{}: informers cannot watch {}; nothing is reconciled until they can (is the"
                                                + " CRD installed and the Role applied?)",
                                        name,
                                        runtime.unhealthyEventSources().keySet());
                            }
                        }
                    }
                },
                name + "-informer-health");
        watcher.setDaemon(true);
        watcher.start();
    }

    static SideServer.Readiness readiness(Operator operator, boolean leader, boolean stopping) {
        if (stopping) {
            return new SideServer.Readiness(false, "stopping");
        }
        var runtime = operator.getRuntimeInfo();
        if (!runtime.isStarted()) {
            return new SideServer.Readiness(false, "starting");
        }
        if (!runtime.allEventSourcesAreHealthy()) {
            Map<String, ?> unhealthy = runtime.unhealthyEventSources();
            return new SideServer.Readiness(false, "informers not healthy: " + unhealthy.keySet());
        }
        return new SideServer.Readiness(true, leader ? "ok: leader" : "ok: standby");
    }

    /** A started operator; {@link #close} is what SIGTERM does. */
    public static final class RunningOperator implements AutoCloseable {
        private final String name;
        private final Operator operator;
        private final KubernetesClient client;
        private final Runnable releaseLease;
        private final SideServer side;
        private final PrometheusMeterRegistry registry;
        private final WriteCounter writes;
        private final AtomicBoolean stopping;

        RunningOperator(
                String name,
                Operator operator,
                KubernetesClient client,
                Runnable releaseLease,
                SideServer side,
                PrometheusMeterRegistry registry,
                WriteCounter writes,
                AtomicBoolean stopping) {
            this.name = name;
            this.operator = operator;
            this.client = client;
            this.releaseLease = releaseLease;
            this.side = side;
            this.registry = registry;
            this.writes = writes;
            this.stopping = stopping;
        }

        /** Write requests this operator made to the API server so far, lease renewals excepted. */
        public long writes() {
            return writes.withoutLeases();
        }

        public int sidePort() {
            return side.port();
        }

        public Operator operator() {
            return operator;
        }

        public PrometheusMeterRegistry registry() {
            return registry;
        }

        @Override
        public void close() {
            if (!stopping.compareAndSet(false, true)) {
                return;
            }
            log.info("{} stopping", name);
            // Controllers stop first, so nothing of this term writes after the lease is given up.
            Thread stopper = new Thread(
                    () -> {
                        operator.stop();
                        releaseLease.run();
                        client.close();
                    },
                    name + "-stop");
            stopper.start();
            try {
                stopper.join(SHUTDOWN_GRACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            side.close();
            registry.close();
        }
    }

    /** The JVM's series on the side port (memory, GC, threads, classes, CPU, uptime). */
    static void bindJvmMetrics(PrometheusMeterRegistry registry) {
        for (var binder : List.of(
                new JvmMemoryMetrics(),
                new JvmGcMetrics(),
                new JvmThreadMetrics(),
                new ClassLoaderMetrics(),
                new ProcessorMetrics(),
                new UptimeMetrics())) {
            binder.bindTo(registry);
        }
    }
}
