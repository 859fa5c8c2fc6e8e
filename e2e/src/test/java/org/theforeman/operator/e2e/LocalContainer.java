package org.theforeman.operator.e2e;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One container of a pod spec written by an operator, made runnable on this machine (by
 * {@link PulpcoreScript}) the way a container runtime runs it: the environment holds the literal
 * values and the Secret values the spec names, nothing else. What a runtime does with mount
 * namespaces is done with paths instead: each volume becomes a local directory, and the container
 * paths of the mounts are rewritten to those directories wherever they occur in the environment,
 * the command and the files of ConfigMap volumes (a settings file names the other mounts).
 */
final class LocalContainer {
    private final String instance;
    private final Path envFile;
    private final List<String> command;
    private final Map<String, Path> mounts;

    private LocalContainer(String instance, Path envFile, List<String> command, Map<String, Path> mounts) {
        this.instance = instance;
        this.envFile = envFile;
        this.command = command;
        this.mounts = mounts;
    }

    /**
     * Writes the volumes and the environment of {@code container} under {@code root}. Volumes of the
     * same Secret or claim share a directory, as pods share them; a ConfigMap's files (rewritten with
     * this container's paths) and an emptyDir belong to {@code instance} (one pod) alone.
     */
    static LocalContainer prepare(
            KubernetesClient admin, String namespace, PodSpec pod, Container container, Path root, String instance) {
        Map<String, Volume> volumes = pod.getVolumes().stream().collect(Collectors.toMap(Volume::getName, v -> v));
        Map<String, Path> mounts = new LinkedHashMap<>();
        for (VolumeMount mount : container.getVolumeMounts()) {
            Path dir = volumeDir(root, instance, volumes.get(mount.getName()));
            mounts.put(
                    mount.getMountPath(),
                    mount.getSubPath() == null || mount.getSubPath().isEmpty() ? dir : dir.resolve(mount.getSubPath()));
        }
        Rewriter rewriter = new Rewriter(mounts);
        for (VolumeMount mount : container.getVolumeMounts()) {
            Volume volume = volumes.get(mount.getName());
            writeVolume(admin, namespace, volume, volumeDir(root, instance, volume), rewriter);
        }
        if (container.getEnvFrom() != null && !container.getEnvFrom().isEmpty()) {
            throw new IllegalStateException("envFrom is not supported here: " + container.getEnvFrom());
        }
        Path envFile = root.resolve("env").resolve(instance + ".env");
        write(envFile, envFileText(admin, namespace, container, rewriter).getBytes(StandardCharsets.UTF_8), null);
        if (container.getCommand() == null || container.getCommand().isEmpty()) {
            throw new IllegalStateException(
                    "container " + container.getName() + " has no command: the image's entrypoint would run");
        }
        List<String> command = new ArrayList<>(container.getCommand());
        if (container.getArgs() != null) {
            command.addAll(container.getArgs());
        }
        return new LocalContainer(
                instance, envFile, command.stream().map(rewriter::apply).toList(), Map.copyOf(mounts));
    }

    String instance() {
        return instance;
    }

    Path envFile() {
        return envFile;
    }

    List<String> command() {
        return command;
    }

    /** The command with its {@code 0.0.0.0:<containerPort>} bind argument moved to 127.0.0.1:localPort. */
    List<String> commandBoundTo(int containerPort, int localPort) {
        String bind = "0.0.0.0:" + containerPort;
        if (!command.contains(bind)) {
            throw new IllegalStateException("no argument " + bind + " in " + command);
        }
        return command.stream()
                .map(arg -> arg.equals(bind) ? "127.0.0.1:" + localPort : arg)
                .toList();
    }

    /** The local directory or file that stands for {@code containerPath} (a mount path). */
    Path local(String containerPath) {
        Path path = mounts.get(containerPath);
        if (path == null) {
            throw new IllegalArgumentException("no mount at " + containerPath + ": " + mounts.keySet());
        }
        return path;
    }

    /** True when {@code path} lies in one of the local directories of this container's mounts. */
    boolean inAMount(Path path) {
        Path normal = path.toAbsolutePath().normalize();
        return mounts.values().stream().anyMatch(normal::startsWith);
    }

    private static Path volumeDir(Path root, String instance, Volume volume) {
        if (volume == null) {
            throw new IllegalStateException("a volume mount names no volume of the pod");
        }
        Path volumes = root.resolve("volumes");
        if (volume.getConfigMap() != null) {
            // A copy per pod: its files are rewritten with this container's mount paths.
            return volumes.resolve(
                    "configmap-" + instance + "-" + volume.getConfigMap().getName());
        } else if (volume.getSecret() != null) {
            return volumes.resolve("secret-" + volume.getSecret().getSecretName());
        } else if (volume.getPersistentVolumeClaim() != null) {
            return volumes.resolve("claim-" + volume.getPersistentVolumeClaim().getClaimName());
        } else if (volume.getEmptyDir() != null) {
            return volumes.resolve("emptydir-" + instance + "-" + volume.getName());
        }
        throw new IllegalStateException("volume " + volume.getName() + " is of a kind not supported here: " + volume);
    }

    private static void writeVolume(
            KubernetesClient admin, String namespace, Volume volume, Path dir, Rewriter rewriter) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (volume.getConfigMap() != null) {
            ConfigMap map = admin.configMaps()
                    .inNamespace(namespace)
                    .withName(volume.getConfigMap().getName())
                    .require();
            Map<String, String> data = map.getData() == null ? Map.of() : map.getData();
            selected(data.keySet(), volume.getConfigMap().getItems())
                    .forEach((key, path) -> write(
                            dir.resolve(path),
                            rewriter.apply(data.get(key)).getBytes(StandardCharsets.UTF_8),
                            volume.getConfigMap().getDefaultMode()));
        } else if (volume.getSecret() != null) {
            Secret secret = admin.secrets()
                    .inNamespace(namespace)
                    .withName(volume.getSecret().getSecretName())
                    .require();
            Map<String, String> data = secret.getData() == null ? Map.of() : secret.getData();
            // Secret files are data, not configuration: written as they are.
            selected(data.keySet(), volume.getSecret().getItems())
                    .forEach((key, path) -> write(
                            dir.resolve(path),
                            Base64.getDecoder().decode(data.get(key)),
                            volume.getSecret().getDefaultMode()));
        }
    }

    /** key -> file name: the items when listed (each must exist), else every key under its own name. */
    private static Map<String, String> selected(Set<String> keys, List<KeyToPath> items) {
        Map<String, String> selected = new LinkedHashMap<>();
        if (items == null || items.isEmpty()) {
            keys.forEach(k -> selected.put(k, k));
        } else {
            for (KeyToPath item : items) {
                if (!keys.contains(item.getKey())) {
                    throw new IllegalStateException("the volume lists key " + item.getKey()
                            + ", which its source lacks: the pod would not start");
                }
                selected.put(item.getKey(), item.getPath());
            }
        }
        return selected;
    }

    /**
     * KEY=VALUE lines in the container's order. Literal values keep their $(NAME) references, which
     * pulpcore.sh expands as Kubernetes does; a Secret value is never expanded by Kubernetes, so its
     * "$(" is escaped.
     */
    private static String envFileText(
            KubernetesClient admin, String namespace, Container container, Rewriter rewriter) {
        StringBuilder out = new StringBuilder();
        for (EnvVar env : container.getEnv()) {
            String value;
            if (env.getValueFrom() == null) {
                value = rewriter.apply(env.getValue() == null ? "" : env.getValue());
            } else if (env.getValueFrom().getSecretKeyRef() != null) {
                value = secretValue(
                        admin, namespace, env.getName(), env.getValueFrom().getSecretKeyRef());
                if (value == null) {
                    continue;
                }
                value = value.replace("$(", "$$(");
            } else {
                throw new IllegalStateException(
                        "env " + env.getName() + ": only literal values and secretKeyRef are supported here");
            }
            if (value.contains("\n")) {
                throw new IllegalStateException(
                        "env " + env.getName() + " has a line break, which the env file cannot hold");
            }
            out.append(env.getName()).append('=').append(value).append('\n');
        }
        return out.toString();
    }

    /** The value, or null when the key (or Secret) is missing and the reference optional. */
    private static String secretValue(KubernetesClient admin, String namespace, String env, SecretKeySelector ref) {
        Secret secret =
                admin.secrets().inNamespace(namespace).withName(ref.getName()).get();
        String encoded = secret == null || secret.getData() == null
                ? null
                : secret.getData().get(ref.getKey());
        if (encoded == null) {
            if (Boolean.TRUE.equals(ref.getOptional())) {
                return null;
            }
            throw new IllegalStateException("env " + env + ": Secret " + ref.getName() + " has no key " + ref.getKey()
                    + " and the reference is not optional: the container would not start");
        }
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    private static void write(Path file, byte[] content, Integer mode) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            if (mode != null) {
                Files.setPosixFilePermissions(file, permissions(mode));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Kubernetes file mode (e.g. 0440) as POSIX permissions. */
    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ
        };
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        return set;
    }

    /** Replaces each mount path (a whole path component sequence, longest first) by its local path, in one pass. */
    private static final class Rewriter {
        private final Map<String, Path> mounts;
        private final Pattern pattern;

        Rewriter(Map<String, Path> mounts) {
            this.mounts = mounts;
            String alternatives = mounts.keySet().stream()
                    .sorted(Comparator.comparingInt(String::length).reversed())
                    .map(Pattern::quote)
                    .collect(Collectors.joining("|"));
            // Only where the path ends: /var/lib/pulp matches in /var/lib/pulp/media, not in /var/lib/pulpx.
            this.pattern = Pattern.compile("(" + alternatives + ")(?![A-Za-z0-9_.-])");
        }

        String apply(String text) {
            if (mounts.isEmpty()) {
                return text;
            }
            Matcher matcher = pattern.matcher(text);
            return matcher.replaceAll(
                    m -> Matcher.quoteReplacement(mounts.get(m.group(1)).toString()));
        }
    }
}
