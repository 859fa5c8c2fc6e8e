package org.theforeman.operator.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names the alerts and the dashboard of install/monitoring query. */
final class MonitoringFiles {
    /** A metric selector: a name followed by its label matchers, or the series of label_values(). */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");

    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(([a-zA-Z_:][a-zA-Z0-9_:]*)");

    private MonitoringFiles() {}

    /** File name -> metric names of its expressions; every expression must name at least one metric. */
    static Map<String, Set<String>> metricsUsed(Path dir) throws IOException {
        Map<String, Set<String>> used = new LinkedHashMap<>();
        JsonNode rules =
                new YAMLMapper().readTree(dir.resolve("prometheus-rules.yaml").toFile());
        List<String> ruleExpressions = new ArrayList<>();
        rules.at("/spec/groups")
                .forEach(g -> g.get("rules")
                        .forEach(r -> ruleExpressions.add(r.get("expr").asText())));
        used.put("prometheus-rules.yaml", names(ruleExpressions));
        JsonNode dashboard = new ObjectMapper()
                .readTree(dir.resolve("grafana-dashboard.json").toFile());
        List<String> dashboardExpressions = new ArrayList<>();
        dashboard
                .get("panels")
                .forEach(p -> p.get("targets")
                        .forEach(t -> dashboardExpressions.add(t.get("expr").asText())));
        dashboard.at("/templating/list").forEach(v -> {
            if (v.has("query") && v.get("query").asText().startsWith("label_values")) {
                dashboardExpressions.add(v.get("query").asText());
            }
        });
        used.put("grafana-dashboard.json", names(dashboardExpressions));
        return used;
    }

    private static Set<String> names(List<String> expressions) {
        Set<String> names = new TreeSet<>();
        for (String expression : expressions) {
            Set<String> found = new TreeSet<>();
            for (Pattern pattern : List.of(SELECTOR, LABEL_VALUES)) {
                Matcher m = pattern.matcher(expression);
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
            if (found.isEmpty()) {
                throw new IllegalStateException(
                        "no metric{...} selector in: " + expression + " (write name{} to be checked)");
            }
            names.addAll(found);
        }
        return names;
    }
}
