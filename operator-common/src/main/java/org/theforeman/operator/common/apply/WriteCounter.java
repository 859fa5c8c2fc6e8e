package org.theforeman.operator.common.apply;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the requests that change something in the cluster (POST, PUT, PATCH, DELETE), by verb and
 * resource, as {@code foreman_operator_api_writes_total}. An operator at rest should show no increase:
 * the metric makes that claim checkable in production and in tests.
 */
public final class WriteCounter implements Interceptor {
    public static final String METRIC = "foreman_operator_api_writes";

    private final MeterRegistry registry;
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong leases = new AtomicLong();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public WriteCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        String method = request.method();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return;
        }
        String resource = resourceOf(request.uri().getPath());
        if (resource.endsWith("reviews")) {
            // Access and token reviews are questions POSTed to the server (leader election asks whether it
            // may use Leases): nothing is stored, so they are no writes.
            return;
        }
        total.incrementAndGet();
        if (resource.equals("leases")) {
            leases.incrementAndGet();
        }
        counters.computeIfAbsent(
                        method + " " + resource,
                        key -> Counter.builder(METRIC)
                                .description("Write requests to the Kubernetes API server")
                                .tag("verb", method)
                                .tag("resource", resource)
                                .register(registry))
                .increment();
    }

    /** All writes so far. */
    public long total() {
        return total.get();
    }

    /** Writes other than leader-lease renewals (which leader election makes every few seconds by design). */
    public long withoutLeases() {
        return total.get() - leases.get();
    }

    /** The resource type of an API path: /api/v1/namespaces/x/secrets/y -> secrets, with /status kept. */
    static String resourceOf(String path) {
        String[] parts = path.split("/");
        int namespaces = -1;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equals("namespaces") && i + 2 < parts.length) {
                namespaces = i;
                break;
            }
        }
        int start = namespaces >= 0 ? namespaces + 2 : Math.min(parts.length - 1, path.startsWith("/api/") ? 3 : 4);
        if (start >= parts.length) {
            return parts.length > 0 ? parts[parts.length - 1] : "";
        }
        String resource = parts[start];
        if (parts.length > start + 2) {
            resource += "/" + parts[start + 2];
        }
        return resource;
    }
}
