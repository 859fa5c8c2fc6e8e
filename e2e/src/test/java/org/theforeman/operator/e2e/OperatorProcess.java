package org.theforeman.operator.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.theforeman.operator.e2e.harness.RepositoryLayout;

/** An operator started as users start it: {@code java -jar <module>/target/<module>.jar}. */
final class OperatorProcess implements AutoCloseable {
    private static final Pattern SIDE_PORT = Pattern.compile("side port (\\d+)");

    private final Process process;
    private final Path log;

    private OperatorProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static Path jar(String module) {
        Path jar = RepositoryLayout.root().resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no runnable jar " + jar + ": run mvn package first");
        }
        return jar;
    }

    /** Starts the operator with exactly the given environment (plus PATH and JAVA_HOME). */
    static OperatorProcess start(String module, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(
                List.of(javaBinary(), "-Xmx256m", "-jar", jar(module).toString()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(module + "-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(false)
                .redirectOutput(log.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(k -> !k.equals("PATH") && !k.equals("JAVA_HOME"));
        builder.environment().putAll(env);
        return new OperatorProcess(builder.start(), log);
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits for the process to end; empty when it is still running after {@code timeout}. */
    OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                ? OptionalInt.of(process.exitValue())
                : OptionalInt.empty();
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    /** The side port the operator logged, once it is listening. */
    OptionalInt sidePort() throws IOException {
        Matcher matcher = SIDE_PORT.matcher(output());
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: the process ends at once, without any shutdown work (a node lost, an OOM kill). */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, as the kubelet sends it; then the exit status. */
    int terminate(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return process.exitValue();
    }

    @Override
    public void close() throws IOException {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        Files.deleteIfExists(log);
    }
}
