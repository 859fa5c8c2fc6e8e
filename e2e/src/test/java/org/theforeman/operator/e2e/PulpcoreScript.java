package org.theforeman.operator.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.theforeman.operator.e2e.harness.RepositoryLayout;

/**
 * e2e/pulpcore/pulpcore.sh called from Java: a real pulpcore, PostgreSQL and Redis on loopback, the
 * pulp processes in process groups of their own so that {@link #stop} ends all of them.
 */
final class PulpcoreScript {
    /** What one call printed (stdout and stderr together) and how it ended. */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private final Path script = RepositoryLayout.root().resolve("e2e/pulpcore/pulpcore.sh");

    /** Installs pulpcore, pulp-cli, PostgreSQL and Redis unless they are already there (cached). */
    Result install() {
        return orFail(run(Duration.ofMinutes(30), "install"), "install");
    }

    /** Starts PostgreSQL and Redis for {@code dir}; returns the keys of its db.env (POSTGRES_*, REDIS_*). */
    Map<String, String> startDb(Path dir) {
        orFail(run(Duration.ofMinutes(2), "start-db", dir.toString()), "start-db");
        return readEnvFile(dir.resolve("db.env"));
    }

    /** Runs {@code command} in the foreground with exactly the variables of {@code envFile}. */
    Result exec(Path dir, String name, Path envFile, List<String> command) {
        return run(
                Duration.ofMinutes(16),
                withCommand(List.of("exec", dir.toString(), name, envFile.toString()), command));
    }

    /** Starts {@code command} in the background; {@link #stop} ends it. */
    void start(Path dir, String name, Path envFile, List<String> command) {
        orFail(
                run(
                        Duration.ofMinutes(1),
                        withCommand(List.of("start", dir.toString(), name, envFile.toString()), command)),
                "start " + name);
    }

    /** Stops every process started for {@code dir} (pulp processes, Redis, PostgreSQL); idempotent. */
    Result stop(Path dir) {
        return run(Duration.ofMinutes(2), "stop", dir.toString());
    }

    /** Stops the processes {@link #start}ed as {@code names}, leaving the rest of {@code dir} running. */
    void stop(Path dir, List<String> names) {
        List<String> args = new ArrayList<>(List.of("stop", dir.toString()));
        args.addAll(names);
        orFail(run(Duration.ofMinutes(2), args.toArray(String[]::new)), "stop " + names);
    }

    /** An S3-compatible server (moto) on loopback with {@code bucket}; returns the keys of DIR/s3.env. */
    Map<String, String> startS3(Path dir, String bucket) {
        orFail(run(Duration.ofMinutes(2), "start-s3", dir.toString(), bucket), "start-s3");
        return readEnvFile(dir.resolve("s3.env"));
    }

    /** Azurite's Blob service on loopback with {@code container}; returns the keys of DIR/azure.env. */
    Map<String, String> startAzurite(Path dir, String container) {
        orFail(run(Duration.ofMinutes(2), "start-azurite", dir.toString(), container), "start-azurite");
        return readEnvFile(dir.resolve("azure.env"));
    }

    Path venv() {
        return Path.of(
                orFail(run(Duration.ofSeconds(30), "venv"), "venv").output().strip());
    }

    /** The pid of a process {@link #start}ed as {@code name}, while its pid file exists. */
    static OptionalLong pid(Path dir, String name) {
        Path file = dir.resolve("pids").resolve(name + ".pid");
        try {
            return Files.exists(file)
                    ? OptionalLong.of(Long.parseLong(Files.readString(file).strip()))
                    : OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The log of a process {@link #start}ed or {@link #exec}uted as {@code name}. */
    static Path log(Path dir, String name) {
        return dir.resolve("logs").resolve(name + ".log");
    }

    static Map<String, String> readEnvFile(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    values.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }

    private static String[] withCommand(List<String> args, List<String> command) {
        List<String> all = new ArrayList<>(args);
        all.add("--");
        all.addAll(command);
        return all.toArray(String[]::new);
    }

    private static Result orFail(Result result, String what) {
        if (!result.ok()) {
            throw new IllegalStateException(
                    "pulpcore.sh " + what + " failed (exit " + result.exitCode() + "):\n" + result.output());
        }
        return result;
    }

    private Result run(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        try {
            // Output to a file, not a pipe: processes `start` leaves running would keep a pipe open.
            Path output = Files.createTempFile("pulpcore-sh-", ".out");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("pulpcore.sh " + String.join(" ", args) + " did not end within "
                            + timeout + ":\n" + Files.readString(output));
                }
                return new Result(process.exitValue(), Files.readString(output));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
