package org.theforeman.operator.common.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.theforeman.operator.common.apply.WriteCounter;

/**
 * The training run of the class-data-sharing archive, {@code java -XX:ArchiveClassesAtExit=<jar>.jsa -jar
 * <jar> --train-class-data}, done when the jar is packaged: it loads what a start loads (client, metrics,
 * JOSDK's controllers, logging, the JSON mapping of every managed kind and the operator's own builders)
 * without a cluster, and exits. Started with {@code -XX:SharedArchiveFile=<jar>.jsa}, the operator maps
 * those classes already parsed and verified instead of loading them from the jars, which is most of its
 * start-up CPU.
 */
public final class ClassDataTraining {
    public static final String FLAG = "--train-class-data";
    private static final Logger log = LoggerFactory.getLogger(ClassDataTraining.class);

    private ClassDataTraining() {}

    static boolean requested(String[] args) {
        return args.length > 0 && FLAG.equals(args[0]);
    }

    /**
     * @param warmUp the operator's own work on sample data (its builders and drift checks)
     */
    static void run(
            String name,
            Function<KubernetesClient, List<Registration<?>>> registrations,
            List<Class<? extends HasMetadata>> managedKinds,
            Runnable warmUp) {
        // Nothing listens on port 1: requests fail at once, after loading the client's request path.
        Config config = Config.fromKubeconfig(null, """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
                users: [{name: u, user: {token: training}}]
                contexts: [{name: x, context: {cluster: c, user: u, namespace: training}}]
                current-context: x
                """, null);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        OperatorLauncher.bindJvmMetrics(registry);
        registry.scrape();
        WriteCounter writes = new WriteCounter(registry);
        try (KubernetesClient probe = KubernetesClients.probeClient(config);
                KubernetesClient client = KubernetesClients.client(config, writes)) {
            try {
                Preflight.apiServerReachable(probe);
            } catch (StartupException expected) {
                log.debug("training: {}", expected.getMessage());
            }
            Operator operator = new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false));
            List<Registration<?>> all = registrations.apply(client);
            for (Registration<?> registration : all) {
                register(operator, registration, OperatorLauncher.controllerName(name, all, registration));
                roundTrip(registration.kind());
            }
            managedKinds.forEach(ClassDataTraining::roundTrip);
            warmUp.run();
        }
        log.info("{}: class data training done", name);
    }

    private static <P extends HasMetadata> void register(Operator operator, Registration<P> registration, String name) {
        operator.register(
                registration.reconciler(),
                o -> o.withName(name).withFieldManager(name).watchingAllNamespaces());
    }

    private static void roundTrip(Class<? extends HasMetadata> kind) {
        try {
            HasMetadata object = kind.getDeclaredConstructor().newInstance();
            Serialization.jsonMapper().readValue(Serialization.asJson(object), kind);
        } catch (ReflectiveOperationException | IOException | RuntimeException e) {
            log.debug("training: {} not round-tripped: {}", kind.getSimpleName(), e.getMessage());
        }
    }
}
