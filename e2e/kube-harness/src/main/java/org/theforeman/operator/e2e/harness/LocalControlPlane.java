package org.theforeman.operator.e2e.harness;

import io.fabric8.kubernetes.client.Config;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control plane of {@code e2e/cluster/cluster.sh}: etcd, kube-apiserver, kube-controller-manager,
 * kube-scheduler and kwok on loopback, built once from Kubernetes' Go modules into a cache. Each
 * instance has its own data directory and ports, and {@link #close} stops every process.
 */
public final class LocalControlPlane extends ControlPlane {
    private static final Logger log = LoggerFactory.getLogger(LocalControlPlane.class);

    private final Path script;
    private final Path dir;
    private final Path kubeconfig;

    private LocalControlPlane(Config config, Path script, Path dir, Path kubeconfig) {
        super(config);
        this.script = script;
        this.dir = dir;
        this.kubeconfig = kubeconfig;
    }

    /** Builds the binaries if the cache lacks them (minutes, once per machine), then starts a cluster. */
    public static LocalControlPlane start() {
        Path script = RepositoryLayout.clusterScript();
        Path dir;
        try {
            dir = Files.createTempDirectory("foreman-suite-cluster-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a cluster directory", e);
        }
        long started = System.nanoTime();
        String out;
        try {
            out = run(script, List.of("up", "--dir", dir.toString()), 1_800);
        } catch (RuntimeException e) {
            // up tears down what it started on its own failures; this covers a timeout or a crash of the script.
            stopQuietly(script, dir);
            throw e;
        }
        String[] lines = out.strip().split("\n");
        Path kubeconfig = Path.of(lines[lines.length - 1].strip());
        log.info(
                "local control plane up in {} ms, kubeconfig {}",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                kubeconfig);
        try {
            Config config = Config.fromKubeconfig(null, Files.readString(kubeconfig), kubeconfig.toString());
            return new LocalControlPlane(config, script, dir, kubeconfig);
        } catch (IOException | RuntimeException e) {
            stopQuietly(script, dir);
            throw new IllegalStateException("cluster.sh up printed no readable kubeconfig: " + out, e);
        }
    }

    @Override
    public String description() {
        return "local control plane in " + dir;
    }

    @Override
    public Path kubeconfig() {
        return kubeconfig;
    }

    @Override
    public boolean runsWorkloads() {
        return true;
    }

    /**
     * Stops one component (etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kwok) and starts
     * it again on the same ports with the same data, as a restart in a real cluster looks to its clients.
     */
    public void restart(String component) {
        run(script, List.of("restart", component, "--dir", dir.toString()), 180);
    }

    public Path directory() {
        return dir;
    }

    @Override
    public synchronized void close() {
        super.close();
        if (Files.exists(dir)) {
            run(script, List.of("down", "--dir", dir.toString()), 120);
        }
    }

    private static void stopQuietly(Path script, Path dir) {
        try {
            run(script, List.of("down", "--dir", dir.toString()), 120);
        } catch (RuntimeException e) {
            log.warn("could not stop the control plane in {}: {}", dir, e.getMessage());
        }
    }

    /** Runs the script, streaming its stderr to this JVM's log, and returns its stdout. */
    static String run(Path script, List<String> args, long timeoutSeconds) {
        List<String> command = new ArrayList<>();
        command.add("bash");
        command.add(script.toString());
        command.addAll(args);
        try {
            Path stderr = Files.createTempFile("cluster-sh-", ".log");
            Process process = new ProcessBuilder(command)
                    .redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            String errors = Files.readString(stderr);
            Files.deleteIfExists(stderr);
            if (!finished) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        String.join(" ", command) + " timed out after " + timeoutSeconds + " s:\n" + errors);
            }
            if (!errors.isBlank()) {
                log.info("{}:\n{}", String.join(" ", command), errors.strip());
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + " failed with status " + process.exitValue() + ":\n" + errors);
            }
            return stdout;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
