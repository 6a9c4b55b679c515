package org.k8sca.bench.micro;

import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.model.Pod;
import org.k8sca.core.snapshot.ClusterSnapshot;
import org.k8sca.core.snapshot.NodeInfo;
import org.k8sca.core.template.NodeTemplates;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Snapshot changes inside a fork, undone by revert, on a 1000-node snapshot: the steps every
 * simulation is made of. Each benchmark leaves the snapshot as it found it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SnapshotBenchmark {

    private ClusterSnapshot snapshot;
    private Pod pending;
    private String node;
    private NodeTemplate newNode;
    private int nodeToRemove;
    private List<String> busyNodes;

    @Setup
    public void setUp() {
        ClusterState s = new ClusterState();
        snapshot = s.cluster.snapshot();
        pending = s.cluster.pending().get(0);
        node = s.someNode().name();
        NodeTemplate t = s.templates.values().iterator().next().template();
        newNode = NodeTemplates.copy(t, "bench-new-node", false);
        busyNodes = new ArrayList<>();
        for (NodeInfo n : snapshot.nodeInfos()) {
            if (n.podCount() >= 20) {
                busyNodes.add(n.name());
            }
        }
    }

    /** fork, bind one pod, revert. */
    @Benchmark
    public int forkAddPodRevert() {
        snapshot.fork();
        snapshot.addPod(pending, node);
        int n = snapshot.podCount();
        snapshot.revert();
        return n;
    }

    /**
     * fork, add a template node with its DaemonSet pods, revert: what the estimator does per new
     * node.
     */
    @Benchmark
    public int forkAddTemplateNodeRevert() {
        snapshot.fork();
        snapshot.addNode(newNode.node(), newNode.pods());
        int n = snapshot.nodeCount();
        snapshot.revert();
        return n;
    }

    /**
     * fork, remove a node with ~30 pods, revert: what the scale-down simulation does per candidate.
     */
    @Benchmark
    public int forkRemoveBusyNodeRevert() {
        String name = busyNodes.get(nodeToRemove++ % busyNodes.size());
        snapshot.fork();
        snapshot.removeNode(name);
        int n = snapshot.nodeCount();
        snapshot.revert();
        return n;
    }

    /**
     * nested fork, bind a pod, commit into the outer fork, revert the outer: sequential commits.
     */
    @Benchmark
    public int forkForkAddPodCommitRevert() {
        snapshot.fork();
        snapshot.fork();
        snapshot.addPod(pending, node);
        snapshot.commit();
        int n = snapshot.podCount();
        snapshot.revert();
        return n;
    }
}
