package org.k8sca.app.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.k8sca.app.testing.TestObjects.GI;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import org.junit.jupiter.api.Test;
import org.k8sca.app.decide.DecisionPass;
import org.k8sca.app.decide.DecisionSettings;
import org.k8sca.app.metrics.AutoscalerMetrics;
import org.k8sca.app.observe.MetricsObserver;
import org.k8sca.app.testing.FakeCloud;
import org.k8sca.app.testing.MutableClock;
import org.k8sca.app.testing.RecordingOperations;
import org.k8sca.app.testing.TestObjects;
import org.k8sca.core.clusterstate.ClusterStateUpdate;
import org.k8sca.core.clusterstate.ClusterStatus;
import org.k8sca.core.scaledown.actuation.ScaleDownActuator;
import org.k8sca.kube.objects.SchedulingState;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The metrics the loop feeds, read back from the registry's exposition after driving the loop. */
class LoopMetricsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String P = "cluster_autoscaler_";

    private final MutableClock clock = new MutableClock(T0);
    private final FakeCloud cloud = new FakeCloud();
    private final TestObjects objects = new TestObjects();
    private final RecordingOperations ops = new RecordingOperations();
    private final DecisionPass pass = new DecisionPass(DecisionSettings.DEFAULTS, clock);
    private final ActuatorRunner actuator =
            new ActuatorRunner(new ScaleDownActuator(DecisionSettings.DEFAULTS.scaleDown(), ops));
    private final PrometheusRegistry registry = new PrometheusRegistry();

    private AutoscalerLoop loop(LoopObserver... more) {
        List<LoopObserver> observers = new java.util.ArrayList<>();
        observers.add(new MetricsObserver(new AutoscalerMetrics(registry), 0, false));
        observers.addAll(List.of(more));
        return new AutoscalerLoop(
                clock, cloud, objects::build, pass, actuator, ops, NodeMarks.NONE, observers);
    }

    /** The value of the series {@code name} (with its labels as printed), or empty when absent. */
    private Optional<Double> value(String series) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create()
                .write(out, registry.scrape(), EscapingScheme.ALLOW_UTF8);
        String text = out.toString(StandardCharsets.UTF_8);
        return text.lines()
                .filter(l -> l.startsWith(series + " "))
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
                .findFirst();
    }

    private double duration(String function, String part) throws IOException {
        return value(P + "function_duration_seconds_" + part + "{function=\"" + function + "\"}")
                .orElse(-1.0);
    }

    @Test
    void phasesAreTimedOnTheLoopClock() throws IOException {
        FakeCloud.Group g = cloud.add("pool", 0, 5, 2000, 4 * GI);
        objects.pod(
                "web", SchedulingState.UNSCHEDULABLE, null, null, 1000, GI, T0.minusSeconds(60));
        cloud.onRefresh = () -> clock.advance(Duration.ofSeconds(3));
        LoopObserver slowObserver =
                new LoopObserver() {
                    @Override
                    public void clusterState(ClusterStatus status, ClusterStateUpdate update) {
                        clock.advance(Duration.ofSeconds(2));
                    }
                };

        loop(slowObserver).runOnce(clock.instant());

        assertThat(g.increases).containsExactly(1);
        assertThat(duration("cloudProviderRefresh", "sum")).isEqualTo(3.0);
        assertThat(duration("cloudProviderRefresh", "count")).isEqualTo(1.0);
        assertThat(duration("observers", "sum")).isEqualTo(2.0);
        assertThat(duration("decide", "count")).isEqualTo(1.0);
        assertThat(duration("decide", "sum")).isEqualTo(0.0);
        assertThat(duration("scaleUp", "count")).isEqualTo(1.0);
        assertThat(duration("scaleDown:nodeDeletion", "count")).isEqualTo(1.0);
        assertThat(duration("main", "sum")).isEqualTo(5.0);
    }

    @Test
    void aFailedRefreshIsStillTimedAndLaterPhasesAreNot() throws IOException {
        cloud.add("pool", 0, 5, 2000, 4 * GI);
        cloud.onRefresh = () -> clock.advance(Duration.ofSeconds(4));
        cloud.refreshFailure =
                new org.k8sca.core.cloud.CloudProviderException(
                        org.k8sca.core.cloud.CloudProviderException.Kind.CLOUD_API, "API down");

        loop().runOnce(clock.instant());

        assertThat(duration("cloudProviderRefresh", "sum")).isEqualTo(4.0);
        assertThat(duration("decide", "count")).isEqualTo(-1.0);
        assertThat(value(P + "errors_total{type=\"cloudProviderError\"}")).contains(1.0);
    }

    @Test
    void clusterResourcesLeaveOutNodesBeingDeletedAndTaintsAreCountedByType() throws IOException {
        FakeCloud.Group g = cloud.add("pool", 0, 5, 2000, 4 * GI);
        objects.node("a", g.addInstance(), 2000, 4 * GI, true, T0.minus(Duration.ofHours(1)))
                .node("b", g.addInstance(), 4000, 8 * GI, true, T0.minus(Duration.ofHours(1)))
                .node("going", g.addInstance(), 8000, 16 * GI, true, T0.minus(Duration.ofHours(1)))
                .taint("going", "ToBeDeletedByClusterAutoscaler", "123")
                .taint("a", "dedicated", "db")
                .taint("b", "startup-taint.cluster-autoscaler.kubernetes.io/cni", "")
                .taint("b", "example.com/x", "");
        AutoscalerLoop loop = loop();

        loop.runOnce(clock.instant());

        assertThat(value(P + "cluster_cpu_current_cores")).contains(6.0);
        assertThat(value(P + "cluster_memory_current_bytes")).contains(12.0 * GI);
        assertThat(value(P + "node_taints_count{type=\"ToBeDeletedByClusterAutoscaler\"}"))
                .contains(1.0);
        assertThat(value(P + "node_taints_count{type=\"startup-taint\"}")).contains(1.0);
        assertThat(value(P + "node_taints_count{type=\"other\"}")).contains(2.0);
        assertThat(value(P + "node_taints_count{type=\"status-taint\"}")).contains(0.0);

        // The first loop removed the leftover taint through the operations; the objects here are
        // the test's, so take it off by hand: the node now counts and the series goes back to 0.
        objects.node(
                "going",
                g.instances().get(2).id(),
                8000,
                16 * GI,
                true,
                T0.minus(Duration.ofHours(1)));
        clock.advance(Duration.ofSeconds(10));
        loop.runOnce(clock.instant());

        assertThat(value(P + "cluster_cpu_current_cores")).contains(14.0);
        assertThat(value(P + "node_taints_count{type=\"ToBeDeletedByClusterAutoscaler\"}"))
                .contains(0.0);
    }

    @Test
    void pendingNodeDeletionsFollowTheActuator() throws IOException {
        FakeCloud.Group g = cloud.add("pool", 0, 5, 2000, 4 * GI);
        objects.node("busy", g.addInstance(), 2000, 4 * GI, true, T0.minus(Duration.ofHours(1)))
                .pod(
                        "app",
                        SchedulingState.BOUND,
                        null,
                        "busy",
                        1500,
                        3 * GI,
                        T0.minus(Duration.ofHours(1)))
                .node("idle", g.addInstance(), 2000, 4 * GI, true, T0.minus(Duration.ofHours(1)));
        AutoscalerLoop loop = loop();

        loop.runOnce(clock.instant());
        assertThat(value(P + "pending_node_deletions")).contains(0.0);

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(loop.runOnce(clock.instant()).productive()).isTrue();
        assertThat(value(P + "pending_node_deletions")).contains(1.0);

        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(1));
            actuator.tick(clock.instant());
        }
        assertThat(g.deleted).containsExactly("idle");
        objects.removeNode("idle");
        loop.runOnce(clock.instant());
        assertThat(value(P + "pending_node_deletions")).contains(0.0);
        assertThat(
                        value(
                                P
                                        + "scaled_down_nodes_total{dra_drivers=\"\",gpu_name=\"\",gpu_resource_name=\"\",reason=\"empty\"}"))
                .contains(1.0);
    }

    @Test
    void longUnregisteredMachinesRemovedAreCounted() throws IOException {
        FakeCloud.Group g = cloud.add("pool", 0, 5, 2000, 4 * GI);
        objects.node("ready", g.addInstance(), 2000, 4 * GI, true, T0.minus(Duration.ofHours(1)));
        g.addInstance(); // a machine that never registers as a node
        AutoscalerLoop loop = loop();

        loop.runOnce(clock.instant());
        assertThat(value(P + "old_unregistered_nodes_removed_count")).contains(0.0);

        clock.advance(Duration.ofMinutes(16));
        loop.runOnce(clock.instant());
        clock.advance(Duration.ofSeconds(10));
        loop.runOnce(clock.instant());

        assertThat(g.deleted).hasSize(1);
        assertThat(value(P + "old_unregistered_nodes_removed_count")).contains(1.0);
    }
}
