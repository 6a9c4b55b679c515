package org.k8sca.app.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.junit.jupiter.api.Test;
import org.k8sca.app.metrics.AutoscalerMetrics;
import org.k8sca.core.cloud.CloudProviderException;
import org.k8sca.core.clusterstate.ClusterStateUpdate;
import org.k8sca.core.clusterstate.Health;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

class MetricsObserverTest {

    static String exposition(PrometheusRegistry registry, Predicate<String> names)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create()
                .write(out, registry.scrape(names), EscapingScheme.ALLOW_UTF8);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String golden() throws IOException {
        try (InputStream in =
                MetricsObserverTest.class.getResourceAsStream("metrics-after-one-loop.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final AutoscalerMetrics metrics = new AutoscalerMetrics(registry);

    private void oneLoop(MetricsObserver observer) {
        observer.loopStarted(LoopFixtures.START);
        observer.clusterState(LoopFixtures.status(Health.HEALTHY), LoopFixtures.update());
        observer.scaleUp(LoopFixtures.scaleUpResult(), LoopFixtures.executed());
        observer.scaleDown(LoopFixtures.scaleDownPlan(Optional.empty()));
        observer.deletionsFinished(LoopFixtures.deletions());
        observer.loopFinished(LoopFixtures.START, Duration.ofMillis(2500), Optional.empty());
    }

    /**
     * The whole exposition after one loop, in Prometheus text format 0.0.4 (values print as {@code
     * 1.0}). The golden file was reviewed against the fixture: 5 ready nodes (3 web + 2 db), max
     * nodes min(12, 10 + 4), two TriggeredScaleUp pods + one not helped + one fitting (the ignored
     * one is not counted), +2 nodes on web, a failed db resize, a timeout and a creation failure,
     * three unneeded nodes (one kept for time), two NotUnderutilized and one NotAutoscaled.
     */
    @Test
    void expositionAfterOneLoopMatchesTheGoldenText() throws IOException {
        oneLoop(new MetricsObserver(metrics, 12, true));
        assertThat(exposition(registry, n -> !n.contains("function_duration"))).isEqualTo(golden());
    }

    @Test
    void atLeast25UpstreamMetricFamilies() {
        oneLoop(new MetricsObserver(metrics, 0, true));
        metrics.resourceLimits(0, 320000, 0, 6400000L * 1024 * 1024 * 1024);
        metrics.evictedPod(true);
        metrics.nodeTaints("other", 1);
        long exposed =
                registry.scrape().stream()
                        .filter(
                                s ->
                                        s.getMetadata()
                                                .getPrometheusName()
                                                .startsWith("cluster_autoscaler_"))
                        .count();
        assertThat(exposed).isGreaterThanOrEqualTo(25);
    }

    @Test
    void functionDurationIsAHistogramWith150BucketsUpTo1800Seconds() throws IOException {
        oneLoop(new MetricsObserver(metrics, 0, false));
        String text =
                exposition(registry, n -> n.equals("cluster_autoscaler_function_duration_seconds"));
        List<String> buckets =
                text.lines()
                        .filter(
                                l ->
                                        l.startsWith(
                                                "cluster_autoscaler_function_duration_seconds_bucket"))
                        .toList();
        assertThat(buckets).hasSize(151); // 150 bounds and +Inf
        assertThat(buckets.get(0))
                .isEqualTo(
                        "cluster_autoscaler_function_duration_seconds_bucket{function=\"main\",le=\"0.1\"}"
                                + " 0");
        assertThat(buckets.get(149))
                .startsWith(
                        "cluster_autoscaler_function_duration_seconds_bucket{function=\"main\",le=\"1800.0\"}"
                                + " 1");
        assertThat(text)
                .contains(
                        "# TYPE cluster_autoscaler_function_duration_seconds histogram",
                        "cluster_autoscaler_function_duration_seconds_count{function=\"main\"} 1",
                        "cluster_autoscaler_function_duration_seconds_sum{function=\"main\"} 2.5");
        String summary =
                exposition(
                        registry,
                        n -> n.equals("cluster_autoscaler_function_duration_quantile_seconds"));
        assertThat(summary)
                .contains(
                        "# TYPE cluster_autoscaler_function_duration_quantile_seconds summary",
                        "cluster_autoscaler_function_duration_quantile_seconds{function=\"main\",quantile=\"0.5\"}"
                                + " 2.5");
    }

    @Test
    void perGroupMetricsOnlyWhenAskedAndDroppedWhenAGroupGoes() throws IOException {
        MetricsObserver off = new MetricsObserver(metrics, 0, false);
        off.clusterState(
                LoopFixtures.status(Health.HEALTHY), new ClusterStateUpdate(List.of(), List.of()));
        assertThat(exposition(registry, n -> true)).doesNotContain("node_group_min_count");

        MetricsObserver on = new MetricsObserver(metrics, 0, true);
        on.clusterState(
                LoopFixtures.status(Health.HEALTHY), new ClusterStateUpdate(List.of(), List.of()));
        assertThat(exposition(registry, n -> true))
                .contains(
                        "cluster_autoscaler_node_group_min_count{node_group=\"db\"} 0.0",
                        "cluster_autoscaler_node_group_backoff_status{node_group=\"db\",reason=\"QUOTA_EXCEEDED\"}"
                                + " 1.0");

        var onlyWeb = LoopFixtures.status(Health.UNHEALTHY);
        onlyWeb =
                new org.k8sca.core.clusterstate.ClusterStatus(
                        onlyWeb.health(),
                        onlyWeb.healthSince(),
                        onlyWeb.counts(),
                        onlyWeb.scaleUp(),
                        onlyWeb.scaleUpSince(),
                        onlyWeb.lastProbeTime(),
                        onlyWeb.groups().subList(0, 1));
        on.clusterState(onlyWeb, new ClusterStateUpdate(List.of(), List.of()));
        String text = exposition(registry, n -> true);
        assertThat(text)
                .contains(
                        "cluster_autoscaler_node_group_min_count{node_group=\"web\"} 1.0",
                        "cluster_autoscaler_cluster_safe_to_autoscale 0.0",
                        "cluster_autoscaler_max_nodes_count 10.0");
        assertThat(text).doesNotContain("node_group=\"db\"");
    }

    @Test
    void backoffStatusReturnsToZeroWhenTheBackoffEnds() throws IOException {
        MetricsObserver on = new MetricsObserver(metrics, 0, true);
        on.clusterState(
                LoopFixtures.status(Health.HEALTHY), new ClusterStateUpdate(List.of(), List.of()));
        var s = LoopFixtures.status(Health.HEALTHY);
        var db = s.groups().get(1);
        var dbRecovered =
                new org.k8sca.core.clusterstate.NodeGroupStatus(
                        db.id(),
                        db.minSize(),
                        db.maxSize(),
                        db.targetSize(),
                        db.counts(),
                        db.health(),
                        db.healthSince(),
                        db.scaleUp(),
                        db.scaleUpSince(),
                        db.request(),
                        Optional.empty(),
                        db.incorrectSize(),
                        db.lastProbeTime());
        on.clusterState(
                new org.k8sca.core.clusterstate.ClusterStatus(
                        s.health(),
                        s.healthSince(),
                        s.counts(),
                        s.scaleUp(),
                        s.scaleUpSince(),
                        s.lastProbeTime(),
                        List.of(s.groups().get(0), dbRecovered)),
                new ClusterStateUpdate(List.of(), List.of()));
        assertThat(exposition(registry, n -> true))
                .contains(
                        "cluster_autoscaler_node_group_backoff_status{node_group=\"db\",reason=\"QUOTA_EXCEEDED\"}"
                                + " 0.0");
    }

    @Test
    void failedLoopsCountErrorsByTypeAndDoNotCountAsSuccess() throws IOException {
        MetricsObserver observer = new MetricsObserver(metrics, 0, false);
        observer.loopStarted(LoopFixtures.START);
        observer.loopFinished(
                LoopFixtures.START,
                Duration.ofSeconds(1),
                Optional.of(
                        new RuntimeException(
                                "wrapped", CloudProviderException.notImplemented("x"))));
        observer.loopFinished(
                LoopFixtures.START,
                Duration.ofSeconds(1),
                Optional.of(new IllegalStateException("bug")));
        observer.loopFinished(
                LoopFixtures.START,
                Duration.ofSeconds(1),
                Optional.of(
                        new io.fabric8.kubernetes.client.KubernetesClientException("api down")));
        String text = exposition(registry, n -> true);
        assertThat(text)
                .contains(
                        "cluster_autoscaler_errors_total{type=\"cloudProviderError\"} 1.0",
                        "cluster_autoscaler_errors_total{type=\"internalError\"} 1.0",
                        "cluster_autoscaler_errors_total{type=\"apiCallError\"} 1.0");
        assertThat(text).doesNotContain("mainSuccessful");
    }
}
