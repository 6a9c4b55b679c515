package org.k8sca.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;

import org.junit.jupiter.api.Test;
import org.k8sca.kube.events.EventRecorder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** deploy/grafana/kamatera-autoscaler.json queries only series the app exposes. */
class GrafanaDashboardTest {
    private static final Path DASHBOARD =
            Path.of("..", "deploy", "grafana", "kamatera-autoscaler.json");
    private static final Pattern OUR_SERIES =
            Pattern.compile("\\b(?:cluster_autoscaler|kamatera)_[a-z0-9_]+");

    /** Every series name a scrape of the app's registry can print, from each family's type. */
    private static Set<String> exposedSeries() {
        PrometheusRegistry registry = new PrometheusRegistry();
        new AutoscalerMetrics(registry);
        new KamateraApiMetrics(registry);
        try (EventRecorder recorder =
                new EventRecorder(event -> {}, Clock.systemUTC(), false, 10)) {
            EventMetrics.register(registry, recorder);
            Set<String> names = new TreeSet<>();
            for (MetricSnapshot s : registry.scrape()) {
                String name = s.getMetadata().getPrometheusName();
                if (s instanceof CounterSnapshot) {
                    names.add(name + "_total");
                } else if (s instanceof HistogramSnapshot) {
                    names.addAll(List.of(name + "_bucket", name + "_sum", name + "_count"));
                } else if (s instanceof SummarySnapshot) {
                    names.addAll(List.of(name, name + "_sum", name + "_count"));
                } else {
                    names.add(name);
                }
            }
            return names;
        }
    }

    private static void collectExpressions(JsonNode node, List<String> out) {
        if (node.isObject()) {
            JsonNode expr = node.get("expr");
            if (expr != null && expr.isString()) {
                out.add(expr.asString());
            }
        }
        for (JsonNode child : node) {
            collectExpressions(child, out);
        }
    }

    @Test
    void everyQueriedMetricIsExposed() throws Exception {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        List<String> expressions = new ArrayList<>();
        collectExpressions(dashboard.get("panels"), expressions);
        Set<String> exposed = exposedSeries();
        assertThat(exposed)
                .contains(
                        "cluster_autoscaler_nodes_count",
                        "kamatera_api_calls_total",
                        "cluster_autoscaler_function_duration_seconds_bucket",
                        "kamatera_autoscaler_events_total");

        Set<String> queried = new TreeSet<>();
        for (String expr : expressions) {
            Matcher m = OUR_SERIES.matcher(expr);
            while (m.find()) {
                queried.add(m.group());
            }
        }
        assertThat(expressions).hasSizeGreaterThan(20);
        assertThat(queried)
                .as("metrics the dashboard queries that the app does not expose")
                .allMatch(exposed::contains, "exposed by the app");
        // The brief's panels: nodes by state, pending pods, scaling, errors, loop time, the
        // Kamatera API.
        assertThat(queried)
                .contains(
                        "cluster_autoscaler_nodes_count",
                        "cluster_autoscaler_unschedulable_pods_count",
                        "cluster_autoscaler_scaled_up_nodes_total",
                        "cluster_autoscaler_scaled_down_nodes_total",
                        "cluster_autoscaler_errors_total",
                        "cluster_autoscaler_function_duration_seconds_bucket",
                        "kamatera_api_calls_total",
                        "kamatera_api_errors_total",
                        "kamatera_api_call_duration_seconds_bucket");
    }

    @Test
    void panelsHaveUniqueIdsAndUseTheDatasourceVariable() throws Exception {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        Set<Integer> ids = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(ids.add(panel.get("id").asInt()))
                    .as("duplicate panel id %s", panel.get("id"))
                    .isTrue();
            if (!"row".equals(panel.get("type").asString())) {
                assertThat(panel.get("datasource").get("uid").asString())
                        .isEqualTo("${datasource}");
            }
        }
    }
}
