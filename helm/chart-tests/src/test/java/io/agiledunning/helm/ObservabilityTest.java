package io.agiledunning.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.agiledunning.helm.StrictKubernetesModel.Document;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The alert rules and dashboards: one copy under helm/agile-dunning/files, linked from deploy/observability. */
class ObservabilityTest {

    private static final Path FILES = Charts.sourceDir().resolve("agile-dunning/files");
    private static final Path RULES = FILES.resolve("prometheus-rules.yaml");
    private static final Path DASHBOARD = FILES.resolve("grafana/platform-overview.json");

    @Test
    void rulesCoverTheAgreedAlerts() throws IOException {
        JsonNode rules = new YAMLMapper().readTree(RULES.toFile());
        List<String> alerts = new ArrayList<>();
        rules.path("groups").forEach(g -> g.path("rules").forEach(r -> {
            assertTrue(r.hasNonNull("expr") && r.hasNonNull("for"), r.toString());
            assertTrue(r.path("labels").hasNonNull("severity"), r.toString());
            alerts.add(r.path("alert").asText() + " " + r.path("expr").asText());
        }));
        assertTrue(alerts.stream().anyMatch(a -> a.startsWith("AgileDunningServiceDown") && a.contains("up{")), alerts.toString());
        assertTrue(alerts.stream().anyMatch(a -> a.contains("http_server_requests_seconds_count") && a.contains("SERVER_ERROR")), alerts.toString());
        assertTrue(alerts.stream().anyMatch(a -> a.contains("agiledunning_outbox_pending") && a.contains("> 1000")), alerts.toString());
        assertTrue(alerts.stream().anyMatch(a -> a.contains("kafka_consumer_fetch_manager_records_lag")), alerts.toString());
    }

    @Test
    void rulesPassPromtoolWhereInstalled() throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        Assumptions.assumeTrue(Files.isExecutable(promtool), "promtool not installed (Debian package prometheus)");
        Process process = new ProcessBuilder(promtool.toString(), "check", "rules", RULES.toString())
                .redirectErrorStream(true).start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "promtool finished");
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.exitValue(), output);
    }

    @Test
    void dashboardQueriesTheAgreedMetrics() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        assertEquals("agile-dunning-overview", dashboard.path("uid").asText());
        StringBuilder exprs = new StringBuilder();
        dashboard.path("panels").forEach(p -> {
            assertTrue(p.path("targets").size() > 0, "panel without query: " + p.path("title"));
            p.path("targets").forEach(t -> {
                assertTrue(t.hasNonNull("expr") && !t.path("expr").asText().isBlank(), p.path("title").asText());
                exprs.append(t.path("expr").asText()).append('\n');
            });
        });
        String all = exprs.toString();
        for (String needle : List.of("http_server_requests_seconds_count", "http_server_requests_seconds_bucket",
                "histogram_quantile(0.95", "outcome=\"SERVER_ERROR\"", "by (tenant)", "by (job)", "uri",
                "status", "jvm_memory_used_bytes")) {
            assertTrue(all.contains(needle), "dashboard queries " + needle);
        }
    }

    @Test
    void deployObservabilityLinksToTheOneCopy() throws IOException {
        Path deploy = Charts.sourceDir().resolveSibling("deploy/observability");
        Assumptions.assumeTrue(Files.isDirectory(deploy), "deploy/observability present");
        assertTrue(Files.isSameFile(deploy.resolve("prometheus-rules.yaml"), RULES));
        assertTrue(Files.isSameFile(deploy.resolve("grafana/platform-overview.json"), DASHBOARD));
    }

    @Test
    void umbrellaShipsRulesAndDashboards() {
        List<Document> operator = StrictKubernetesModel.parse(Charts.render(Charts.UMBRELLA, null, Map.of(
                "observability.prometheusRules.enabled", "true",
                "observability.grafanaDashboards.enabled", "true")));
        PrometheusRule rule = operator.stream().map(Document::object).filter(o -> o instanceof PrometheusRule)
                .map(o -> (PrometheusRule) o).findFirst().orElseThrow();
        assertTrue(rule.getSpec().getGroups().size() >= 2);
        ConfigMap dashboards = operator.stream().map(Document::object).filter(o -> o instanceof ConfigMap)
                .map(o -> (ConfigMap) o).filter(c -> c.getMetadata().getName().equals("ad-grafana-dashboards"))
                .findFirst().orElseThrow();
        assertTrue(dashboards.getData().containsKey("platform-overview.json"));

        List<Document> plain = StrictKubernetesModel.parse(Charts.render(Charts.UMBRELLA, null, Map.of(
                "observability.prometheusRules.enabled", "true",
                "observability.prometheusRules.kind", "ConfigMap")));
        assertTrue(plain.stream().map(Document::object).anyMatch(o -> o instanceof ConfigMap c
                && c.getData().containsKey("agile-dunning.rules.yaml")));
    }
}
