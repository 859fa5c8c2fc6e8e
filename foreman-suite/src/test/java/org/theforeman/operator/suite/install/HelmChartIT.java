package org.theforeman.operator.suite.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.theforeman.operator.e2e.harness.RepositoryLayout;

/**
 * The Helm chart, with helm built from e2e/helm/go.mod: {@code helm lint} passes, and {@code helm template}
 * renders the same objects as the plain files: the umbrella with the defaults, plus the watch-namespace
 * Role per listed namespace, or the cluster-wide variant for "*", and no objects of a disabled operator.
 */
class HelmChartIT {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String NS = InstallFiles.SUITE_NAMESPACE;
    private static Path helm;

    @BeforeAll
    static void buildHelm() throws Exception {
        String out =
                run(List.of(RepositoryLayout.root().resolve("e2e/helm/build.sh").toString()));
        helm = Path.of(out.strip().lines().reduce((first, last) -> last).orElseThrow());
    }

    @Test
    void lintPasses() throws Exception {
        String out = run(List.of(helm.toString(), "lint", HelmChart.DIR));
        System.out.println(out);
        assertThat(out).contains("0 chart(s) failed");
    }

    @Test
    void defaultsRenderTheObjectsOfTheUmbrellaManifest() throws Exception {
        List<Map<String, Object>> plain = objects(file("install/foreman-suite.yaml")).stream()
                .filter(o -> !"Namespace".equals(o.get("kind")))
                .toList();
        List<Map<String, Object>> rendered = template();
        assertThat(rendered).hasSize(plain.size()).containsExactlyInAnyOrderElementsOf(plain);
        System.out.printf(
                "helm template (defaults): %d objects, equal to install/foreman-suite.yaml's%n", rendered.size());
    }

    @Test
    void watchedNamespacesGetTheRoleOfTheWatchNamespaceFiles() throws Exception {
        List<Map<String, Object>> rendered = template("--set", "watchNamespaces={b,c}");
        List<Map<String, Object>> expected =
                new ArrayList<>(withoutDeployments(objects(file("install/foreman-suite.yaml")).stream()
                        .filter(o -> !"Namespace".equals(o.get("kind")))
                        .toList()));
        for (String operator : InstallFiles.operatorNames()) {
            for (String watched : List.of("b", "c")) {
                expected.addAll(objects(file("install/" + operator + "-watch-namespace.yaml")
                        .replace(Manifests.WATCHED_NAMESPACE, watched)
                        .replace(Manifests.OPERATOR_NAMESPACE, NS)));
            }
        }
        assertThat(withoutDeployments(rendered)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(watchNamespacesEnv(rendered)).containsOnly("foreman,b,c");
    }

    @Test
    void starGetsTheClusterWideVariant() throws Exception {
        List<Map<String, Object>> rendered = template("--set", "watchNamespaces={*}");
        List<Map<String, Object>> expected =
                new ArrayList<>(withoutDeployments(objects(file("install/foreman-suite.yaml")).stream()
                        .filter(o -> !"Namespace".equals(o.get("kind")))
                        .toList()));
        for (String operator : InstallFiles.operatorNames()) {
            expected.addAll(objects(
                    file("install/" + operator + "-cluster-wide.yaml").replace(Manifests.OPERATOR_NAMESPACE, NS)));
        }
        assertThat(withoutDeployments(rendered)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(watchNamespacesEnv(rendered)).containsOnly("*");
    }

    @Test
    void aDisabledOperatorHasNoObjectsAndImagesAndResourcesAreValues() throws Exception {
        List<Map<String, Object>> rendered = template(
                "--set", "operators.foreman.enabled=false",
                "--set", "image.registry=registry.example.com/suite",
                "--set", "image.tag=1.2.3",
                "--set", "operators.pulp.resources.limits.memory=1Gi");
        assertThat(rendered).noneMatch(o -> metadata(o).get("name").toString().startsWith("foreman-operator"));
        String text = YAML.writeValueAsString(rendered);
        assertThat(text)
                .contains("registry.example.com/suite/pulp-operator:1.2.3")
                .contains("registry.example.com/suite/smart-proxy-operator:1.2.3")
                .contains("memory: \"1Gi\"");
    }

    @Test
    void allInOneRendersTheAllInOneBundleInsteadOfTheThree() throws Exception {
        List<Map<String, Object>> rendered = template("--set", "allInOne.enabled=true");
        List<Map<String, Object>> expected = new ArrayList<>();
        for (Map<String, Object> object : objects(file("install/foreman-suite.yaml"))) {
            if ("CustomResourceDefinition".equals(object.get("kind"))) {
                expected.add(object);
            }
        }
        String bundle = file("install/foreman-suite-all-in-one.yaml");
        for (Map<String, Object> object : objects(bundle)) {
            metadata(object).put("namespace", NS);
            if ("RoleBinding".equals(object.get("kind"))) {
                subjects(object).forEach(s -> s.put("namespace", NS));
            }
            expected.add(object);
        }
        assertThat(rendered).containsExactlyInAnyOrderElementsOf(expected);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> subjects(Map<String, Object> binding) {
        return (List<Map<String, Object>>) binding.get("subjects");
    }

    private static List<Map<String, Object>> template(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                helm.toString(), "template", "foreman-suite", HelmChart.DIR, "--namespace", NS, "--include-crds"));
        command.addAll(List.of(args));
        return objects(run(command));
    }

    private static List<Map<String, Object>> withoutDeployments(List<Map<String, Object>> objects) {
        return objects.stream().filter(o -> !"Deployment".equals(o.get("kind"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> watchNamespacesEnv(List<Map<String, Object>> objects) {
        return objects.stream()
                .filter(o -> "Deployment".equals(o.get("kind")))
                .map(o -> (Map<String, Object>) ((Map<String, Object>) o.get("spec")).get("template"))
                .map(t -> (Map<String, Object>) t.get("spec"))
                .map(s -> ((List<Map<String, Object>>) s.get("containers")).get(0))
                .flatMap(c -> ((List<Map<String, Object>>) c.get("env")).stream())
                .filter(e -> "WATCH_NAMESPACES".equals(e.get("name")))
                .map(e -> e.get("value"))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(Map<String, Object> object) {
        return (Map<String, Object>) object.get("metadata");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(String yaml) throws IOException {
        try (var values = YAML.readerFor(Map.class).readValues(yaml)) {
            List<Map<String, Object>> objects = new ArrayList<>();
            while (values.hasNextValue()) {
                Object next = values.nextValue();
                if (next != null) {
                    objects.add((Map<String, Object>) next);
                }
            }
            return objects.stream().filter(Objects::nonNull).toList();
        }
    }

    private static String file(String path) throws IOException {
        return Files.readString(RepositoryLayout.root().resolve(path));
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(RepositoryLayout.root().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1_800, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s:%n%s", command, out).isZero();
        return out;
    }
}
