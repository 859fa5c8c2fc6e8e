package org.theforeman.operator.e2e.harness;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A namespace of its own for one test class, so that tests sharing a control plane cannot see each
 * other's objects. Deleted (without waiting) when the class is done.
 */
public final class TestNamespace implements ExtensionContext.Store.CloseableResource {
    private final KubernetesClient admin;
    private final String name;

    private TestNamespace(KubernetesClient admin, String name) {
        this.admin = admin;
        this.name = name;
    }

    public static TestNamespace create(KubernetesClient admin, String hint) {
        String prefix = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        prefix = prefix.substring(0, Math.min(prefix.length(), 40)).replaceAll("-+$", "");
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        admin.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .addToLabels("app.theforeman.org/test", "true")
                        .endMetadata()
                        .build())
                .create();
        // The controller-manager creates the default ServiceAccount shortly after; Pods need it.
        admin.serviceAccounts()
                .inNamespace(name)
                .withName("default")
                .waitUntilCondition(sa -> sa != null, 60, TimeUnit.SECONDS);
        return new TestNamespace(admin, name);
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        admin.namespaces().withName(name).delete();
    }

    @Override
    public String toString() {
        return name;
    }
}
