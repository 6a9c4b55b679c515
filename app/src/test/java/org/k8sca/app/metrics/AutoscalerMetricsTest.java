package org.k8sca.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

class AutoscalerMetricsTest {

    @Test
    void exponentialRangeLikeGo() {
        double[] b = AutoscalerMetrics.exponentialRange(0.1, 1800, 150);
        assertThat(b).hasSize(150);
        assertThat(b[0]).isEqualTo(0.1);
        assertThat(b[149]).isEqualTo(1800.0);
        double factor = b[1] / b[0];
        for (int i = 1; i < b.length; i++) {
            assertThat(b[i] / b[i - 1]).as("ratio at %d", i).isCloseTo(factor, within(1e-9));
        }
    }

    @Test
    void upstreamCountersWithoutTotalKeepTheirExactNames() {
        PrometheusRegistry registry = new PrometheusRegistry();
        AutoscalerMetrics m = new AutoscalerMetrics(registry);
        m.oldUnregisteredNodesRemoved(2);
        m.oldUnregisteredNodesRemoved(1);
        Set<String> names = new TreeSet<>();
        for (MetricSnapshot s : registry.scrape()) {
            names.add(s.getMetadata().getPrometheusName());
        }
        assertThat(names).contains("cluster_autoscaler_old_unregistered_nodes_removed_count");
        assertThat(
                        registry.scrape(
                                        n ->
                                                n.equals(
                                                        "cluster_autoscaler_old_unregistered_nodes_removed_count"))
                                .get(0)
                                .getDataPoints()
                                .get(0))
                .extracting(
                        dp ->
                                ((io.prometheus.metrics.model.snapshots.GaugeSnapshot
                                                        .GaugeDataPointSnapshot)
                                                dp)
                                        .getValue())
                .isEqualTo(3.0);
    }
}
