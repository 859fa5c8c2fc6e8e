package org.theforeman.operator.foreman;

import java.util.List;

/**
 * The three kinds of dynflow (sidekiq) processes foremanctl runs from the same image, each with its own
 * sidekiq configuration file under /etc/foreman/dynflow (upstream's orchestrator.yml and worker.yml
 * examples, and foremanctl's worker-hosts-queue.yml).
 */
public enum DynflowRole {
    /** Exactly one active: it holds a Redis lock, a second one would wait passively. */
    ORCHESTRATOR("orchestrator.yml", 1, List.of("dynflow_orchestrator")),
    /** Scales horizontally with dynflow_workers. */
    WORKER("worker.yml", 10, List.of("default", "remote_execution")),
    /** Host-related jobs in their own queue, so that a burst of them does not starve the others. */
    HOSTS_QUEUE("worker-hosts-queue.yml", 5, List.of("hosts_queue"));

    /** The sidekiq configuration file of the role, its thread count and queues. */
    public record Sidekiq(String file, int concurrency, List<String> queues) {}

    private final Sidekiq sidekiq;

    DynflowRole(String file, int concurrency, List<String> queues) {
        this.sidekiq = new Sidekiq(file, concurrency, queues);
    }

    /** Name suffix: orchestrator, worker, hosts-queue. */
    public String id() {
        return name().toLowerCase().replace('_', '-');
    }

    /** The app.kubernetes.io/component label. */
    public String component() {
        return "dynflow-" + id();
    }

    public Sidekiq sidekiq() {
        return sidekiq;
    }
}
