package org.theforeman.operator.e2e.harness;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives tests a real Kubernetes API: one control plane per test JVM, started on first use and stopped
 * when the test run ends (also after failures, and by a shutdown hook if the JVM is interrupted).
 *
 * <p>Which one: {@code FOREMAN_TEST_CLUSTER=k3s} runs k3s with Testcontainers (skipped with a message
 * when there is no Docker engine); otherwise a set {@code KUBECONFIG} names an existing cluster to
 * reuse; otherwise the local control plane of {@code e2e/cluster/cluster.sh} is started.
 *
 * <p>Test methods and constructors may take a {@link ControlPlane}, a {@link KubernetesClient} (admin,
 * shared: do not close) or a {@link TestNamespace} (fresh for the test class, deleted after it).
 */
public class KubeControlPlaneExtension implements BeforeAllCallback, ParameterResolver {
    private static final Logger log = LoggerFactory.getLogger(KubeControlPlaneExtension.class);
    private static final ExtensionContext.Namespace STORE =
            ExtensionContext.Namespace.create(KubeControlPlaneExtension.class);

    private static ControlPlane shared;
    private static RuntimeException startFailure;

    @Override
    public void beforeAll(ExtensionContext context) {
        controlPlane(context);
    }

    /** The JVM's control plane, started on first call. */
    public static synchronized ControlPlane controlPlane(ExtensionContext context) {
        if (startFailure != null) {
            throw new IllegalStateException("the control plane failed to start earlier in this JVM", startFailure);
        }
        if (shared == null) {
            String choice = System.getenv().getOrDefault("FOREMAN_TEST_CLUSTER", "");
            if (choice.equals("k3s")) {
                Assumptions.assumeTrue(
                        K3sControlPlane.dockerAvailable(),
                        "FOREMAN_TEST_CLUSTER=k3s but no Docker engine is available: k3s scenarios skipped");
            }
            try {
                shared = start(choice);
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            log.info("tests use the {}", shared.description());
            ControlPlane started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "control-plane-shutdown"));
            // Closed by JUnit when the whole test plan finishes, failed tests included.
            context.getRoot().getStore(STORE).put(ControlPlane.class, new Stopper(started));
        }
        return shared;
    }

    private static ControlPlane start(String choice) {
        if (choice.equals("k3s")) {
            return K3sControlPlane.start();
        }
        String kubeconfig = System.getenv("KUBECONFIG");
        if (kubeconfig != null && !kubeconfig.isBlank() && !choice.equals("local")) {
            return ExistingCluster.from(Path.of(kubeconfig.split(":")[0]));
        }
        return LocalControlPlane.start();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == ControlPlane.class || type == KubernetesClient.class || type == TestNamespace.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        ControlPlane plane = controlPlane(extension);
        Class<?> type = parameter.getParameter().getType();
        if (type == ControlPlane.class) {
            return plane;
        }
        if (type == KubernetesClient.class) {
            return plane.admin();
        }
        ExtensionContext classContext = extension.getTestClass().isPresent() ? classContext(extension) : extension;
        return classContext
                .getStore(STORE)
                .getOrComputeIfAbsent(
                        TestNamespace.class,
                        key -> TestNamespace.create(
                                plane.admin(),
                                classContext.getRequiredTestClass().getSimpleName()),
                        TestNamespace.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    /** Stops the control plane when JUnit closes the root store. */
    private record Stopper(ControlPlane plane) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            plane.close();
        }
    }
}
