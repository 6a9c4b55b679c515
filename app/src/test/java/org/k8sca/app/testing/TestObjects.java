package org.k8sca.app.testing;

import org.k8sca.core.model.Node;
import org.k8sca.core.model.OwnerReference;
import org.k8sca.core.model.Pod;
import org.k8sca.core.resources.Resources;
import org.k8sca.kube.objects.ClusterObjects;
import org.k8sca.kube.objects.ObservedPod;
import org.k8sca.kube.objects.SchedulingState;
import org.k8sca.kube.objects.Workload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds {@link ClusterObjects} for tests: nodes, pods in a scheduling state, ReplicaSets. */
public final class TestObjects {
    private final List<Node> nodes = new ArrayList<>();
    private final List<ObservedPod> pods = new ArrayList<>();
    private final Map<String, Workload> workloads = new java.util.HashMap<>();
    private Map<String, String> priorities = Map.of();
    private long version;

    public static final long GI = 1L << 30;

    public TestObjects node(
            String name,
            String providerId,
            long milliCpu,
            long memoryBytes,
            boolean ready,
            Instant readySince) {
        Resources r = Resources.of(milliCpu, memoryBytes, 0, 110, 0);
        nodes.removeIf(n -> n.name().equals(name));
        nodes.add(
                Node.builder(name)
                        .providerId(providerId)
                        .allocatable(r)
                        .capacity(r)
                        .ready(ready)
                        .lastReadyTransition(readySince)
                        .creationTime(readySince)
                        .labels(org.k8sca.core.labels.Labels.of("kubernetes.io/hostname", name))
                        .build());
        version++;
        return this;
    }

    /** Gives node {@code name} a NoSchedule taint {@code key=value}. */
    public TestObjects taint(String name, String key, String value) {
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (n.name().equals(name)) {
                List<org.k8sca.core.model.Taint> taints = new ArrayList<>(n.taints());
                taints.add(
                        new org.k8sca.core.model.Taint(
                                key, value, org.k8sca.core.model.TaintEffect.NO_SCHEDULE));
                nodes.set(i, n.toBuilder().taints(taints).build());
            }
        }
        version++;
        return this;
    }

    public TestObjects removeNode(String name) {
        nodes.removeIf(n -> n.name().equals(name));
        version++;
        return this;
    }

    /** A pod owned by ReplicaSet {@code rs} (which is added too). */
    public TestObjects pod(
            String name,
            SchedulingState state,
            String schedulerName,
            String nodeName,
            long milliCpu,
            long memoryBytes,
            Instant created) {
        workloads.put("uid-rs", new Workload("ReplicaSet", "default", "rs", "uid-rs", 3, 3));
        Pod.Builder b =
                Pod.builder("default", name)
                        .uid("uid-" + name)
                        .requests(Resources.of(milliCpu, memoryBytes, 0, 0, 0))
                        .creationTime(created)
                        .owner(OwnerReference.controller("ReplicaSet", "rs", "uid-rs"));
        if (nodeName != null) {
            b.nodeName(nodeName);
        }
        pods.removeIf(p -> p.pod().name().equals(name));
        pods.add(new ObservedPod(b.build(), state, schedulerName, null, List.of()));
        version++;
        return this;
    }

    public TestObjects priorities(String text) {
        priorities = Map.of("priorities", text);
        version++;
        return this;
    }

    public ClusterObjects build() {
        return new ClusterObjects(
                version, nodes, pods, List.of(), List.of(), workloads, Map.of(), priorities);
    }
}
