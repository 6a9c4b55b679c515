package org.k8sca.app.observe;

import org.k8sca.app.loop.LoopObserver;
import org.k8sca.core.clusterstate.ClusterStateUpdate;
import org.k8sca.core.clusterstate.ClusterStatus;
import org.k8sca.core.clusterstate.NodeGroupStatus;
import org.k8sca.core.scaledown.ScaleDownPlan;
import org.k8sca.kube.status.ScaleDownCondition;
import org.k8sca.kube.status.ScaleDownTracker;
import org.k8sca.kube.status.StatusConfigMapWriter;
import org.k8sca.kube.status.StatusReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes the status ConfigMap at the end of every loop (register it only with {@code
 * --write-status-configmap=true}), from the loop's cluster state and scale-down plan. A loop that
 * failed before reporting its cluster state re-writes the last one with a fresh time, so the {@code
 * last-updated} annotation keeps saying the autoscaler is alive. A failed write is logged and
 * retried next loop.
 */
public final class StatusConfigMapObserver implements LoopObserver {

    private static final Logger LOG = LoggerFactory.getLogger(StatusConfigMapObserver.class);

    private final StatusConfigMapWriter writer;
    private final Function<String, Optional<String>> groupOfNode;
    private final ScaleDownTracker scaleDownTracker = new ScaleDownTracker();
    private ClusterStatus lastStatus;
    private ScaleDownPlan lastPlan;

    /**
     * @param groupOfNode the node group of a node, by node name (empty when it has none), to count
     *     each group's scale-down candidates; the loop knows it from its snapshot and cloud
     *     provider
     */
    public StatusConfigMapObserver(
            StatusConfigMapWriter writer, Function<String, Optional<String>> groupOfNode) {
        this.writer = writer;
        this.groupOfNode = groupOfNode;
    }

    /**
     * Writes {@code autoscalerStatus: Initializing}; call once at start-up, before the first loop.
     */
    public void writeInitializing(Instant now) {
        write(StatusReport.initializing(now));
    }

    @Override
    public void clusterState(ClusterStatus status, ClusterStateUpdate update) {
        lastStatus = status;
    }

    @Override
    public void scaleDown(ScaleDownPlan plan) {
        lastPlan = plan;
    }

    @Override
    public void loopFinished(Instant started, Duration took, Optional<Throwable> error) {
        Instant now = started.plus(took);
        if (lastStatus == null) {
            write(StatusReport.initializing(now));
            return;
        }
        int clusterCandidates = 0;
        Map<String, Integer> byGroup = new HashMap<>();
        if (lastPlan != null) {
            for (String node : lastPlan.unneededNodes()) {
                clusterCandidates++;
                groupOfNode.apply(node).ifPresent(g -> byGroup.merge(g, 1, Integer::sum));
            }
        }
        Map<String, ScaleDownCondition> groupConditions = new HashMap<>();
        for (NodeGroupStatus g : lastStatus.groups()) {
            groupConditions.put(
                    g.id(), scaleDownTracker.group(g.id(), byGroup.getOrDefault(g.id(), 0), now));
        }
        write(
                StatusReport.running(
                        now,
                        lastStatus,
                        scaleDownTracker.cluster(clusterCandidates, now),
                        groupConditions));
    }

    /** Deletes the ConfigMap, as upstream does on a clean exit. */
    public void delete() {
        try {
            writer.delete();
        } catch (RuntimeException e) {
            LOG.warn("{}", e.getMessage());
        }
    }

    private void write(StatusReport report) {
        try {
            writer.write(report);
        } catch (RuntimeException e) {
            LOG.warn("status ConfigMap not written this loop: {}", e.getMessage());
        }
    }
}
