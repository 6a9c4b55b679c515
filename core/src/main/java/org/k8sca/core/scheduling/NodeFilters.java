package org.k8sca.core.scheduling;

import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.BoundVolume;
import org.k8sca.core.model.HostPort;
import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.Taint;
import org.k8sca.core.model.Toleration;
import org.k8sca.core.resources.Resources;
import org.k8sca.core.snapshot.NodeInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * The scheduler filters that need only the pod and one node. Each returns {@code null} when the pod
 * passes, else the failure; fixed failures are shared constants, so a passing or common failing
 * check does not allocate.
 */
public final class NodeFilters {

    private NodeFilters() {}

    private static final PredicateFailure UNSCHEDULABLE =
            PredicateFailure.of(Reasons.NODE_UNSCHEDULABLE, Reasons.UNSCHEDULABLE);
    private static final PredicateFailure NODE_NAME =
            PredicateFailure.of(Reasons.NODE_NAME, Reasons.NODE_NAME_MISMATCH);
    private static final PredicateFailure NODE_AFFINITY =
            PredicateFailure.of(Reasons.NODE_AFFINITY, Reasons.NODE_AFFINITY_MISMATCH);
    private static final PredicateFailure NODE_PORTS =
            PredicateFailure.of(Reasons.NODE_PORTS, Reasons.NO_FREE_PORTS);
    private static final PredicateFailure VOLUME_AFFINITY =
            PredicateFailure.of(Reasons.VOLUME_BINDING, Reasons.VOLUME_NODE_AFFINITY_CONFLICT);
    private static final PredicateFailure VOLUME_ZONE =
            PredicateFailure.of(Reasons.VOLUME_ZONE, Reasons.NO_VOLUME_ZONE);

    /** Node labels the VolumeZone filter compares with a volume's labels. */
    private static final String[] ZONE_LABELS = {
        "topology.kubernetes.io/zone",
        "topology.kubernetes.io/region",
        "failure-domain.beta.kubernetes.io/zone",
        "failure-domain.beta.kubernetes.io/region",
    };

    /** NodeUnschedulable: a cordoned node only takes pods that tolerate its unschedulable taint. */
    public static PredicateFailure nodeUnschedulable(Pod pod, Node node) {
        if (node.unschedulable()
                && !Toleration.anyTolerates(pod.tolerations(), Taint.UNSCHEDULABLE)) {
            return UNSCHEDULABLE;
        }
        return null;
    }

    /** NodeName: a pod that names a node fits only that node. */
    public static PredicateFailure nodeName(Pod pod, Node node) {
        if (!pod.nodeName().isEmpty() && !pod.nodeName().equals(node.name())) {
            return NODE_NAME;
        }
        return null;
    }

    /**
     * TaintToleration: every NoSchedule and NoExecute taint must be tolerated; reports the first
     * that is not.
     */
    public static PredicateFailure taintToleration(Pod pod, Node node) {
        Taint untolerated = firstUntoleratedTaint(pod, node);
        if (untolerated == null) {
            return null;
        }
        // Few distinct taints exist in a cluster; sharing their failures keeps the search
        // allocation-free.
        // Bounded, because some taint values (e.g. deletion timestamps) change over time.
        PredicateFailure cached = TAINT_FAILURES.get(untolerated);
        if (cached != null) {
            return cached;
        }
        PredicateFailure failure =
                PredicateFailure.of(
                        Reasons.TAINT_TOLERATION,
                        Reasons.untoleratedTaint(untolerated.key(), untolerated.value()));
        if (TAINT_FAILURES.size() < MAX_CACHED_TAINT_FAILURES) {
            TAINT_FAILURES.put(untolerated, failure);
        }
        return failure;
    }

    private static final int MAX_CACHED_TAINT_FAILURES = 1024;

    private static final java.util.Map<Taint, PredicateFailure> TAINT_FAILURES =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The first NoSchedule/NoExecute taint of {@code node} that {@code pod} does not tolerate, or
     * null.
     */
    public static Taint firstUntoleratedTaint(Pod pod, Node node) {
        List<Taint> taints = node.taints();
        for (int i = 0; i < taints.size(); i++) {
            Taint t = taints.get(i);
            if (t.effect().filtersScheduling() && !Toleration.anyTolerates(pod.tolerations(), t)) {
                return t;
            }
        }
        return null;
    }

    /** NodeAffinity: {@code nodeSelector} and required node affinity both hold. */
    public static PredicateFailure nodeAffinity(Pod pod, Node node) {
        return matchesNodeSelectorAndAffinity(pod, node) ? null : NODE_AFFINITY;
    }

    /** Whether the node satisfies the pod's node selector and required node affinity. */
    public static boolean matchesNodeSelectorAndAffinity(Pod pod, Node node) {
        Labels labels = node.labels();
        if (!labels.containsAll(pod.nodeSelector())) {
            return false;
        }
        return pod.requiredNodeAffinity() == null
                || pod.requiredNodeAffinity().matches(labels, node.name());
    }

    /** NodePorts: each host port the pod wants is free on the node. */
    public static PredicateFailure nodePorts(Pod pod, NodeInfo nodeInfo) {
        List<HostPort> wanted = pod.hostPorts();
        for (int i = 0; i < wanted.size(); i++) {
            if (nodeInfo.hostPortInUse(wanted.get(i))) {
                return NODE_PORTS;
            }
        }
        return null;
    }

    /** NodeResourcesFit: requests fit into allocatable minus what the node's pods request. */
    public static PredicateFailure resourcesFit(Pod pod, NodeInfo nodeInfo) {
        Resources allocatable = nodeInfo.node().allocatable();
        int mask = allocatable.insufficientMask(nodeInfo.requested(), pod.requests());
        if (mask == 0) {
            return null;
        }
        if ((mask & Resources.SHORT_OTHER) == 0 && (mask & Resources.SHORT_GPU) == 0) {
            // Shortages of pods, cpu, memory and ephemeral storage only: one shared failure per
            // combination.
            return FIXED_RESOURCE_FAILURES[mask];
        }
        return resourcesFailure(allocatable.insufficient(nodeInfo.requested(), pod.requests()));
    }

    private static final PredicateFailure[] FIXED_RESOURCE_FAILURES = new PredicateFailure[16];

    static {
        String[] names = {
            Resources.PODS, Resources.CPU, Resources.MEMORY, Resources.EPHEMERAL_STORAGE
        };
        for (int mask = 1; mask < 16; mask++) {
            List<String> missing = new ArrayList<>();
            for (int bit = 0; bit < names.length; bit++) {
                if ((mask & (1 << bit)) != 0) {
                    missing.add(names[bit]);
                }
            }
            FIXED_RESOURCE_FAILURES[mask] = resourcesFailure(missing);
        }
    }

    private static PredicateFailure resourcesFailure(List<String> missing) {
        List<String> reasons = new ArrayList<>(missing.size());
        for (String resource : missing) {
            reasons.add(
                    Resources.PODS.equals(resource)
                            ? Reasons.TOO_MANY_PODS
                            : Reasons.INSUFFICIENT_PREFIX + resource);
        }
        return new PredicateFailure(Reasons.NODE_RESOURCES_FIT, reasons);
    }

    /** VolumeBinding, for bound volumes: each bound PV's node affinity matches the node. */
    public static PredicateFailure volumeBinding(Pod pod, Node node) {
        List<BoundVolume> volumes = pod.boundVolumes();
        for (int i = 0; i < volumes.size(); i++) {
            BoundVolume v = volumes.get(i);
            if (v.nodeAffinity() != null && !v.nodeAffinity().matches(node.labels(), node.name())) {
                return VOLUME_AFFINITY;
            }
        }
        return null;
    }

    /**
     * VolumeZone: each zone/region label of a bound PV (values may list several zones joined by
     * {@code __}) is matched by the node. A node without any zone or region label passes.
     */
    public static PredicateFailure volumeZone(Pod pod, Node node) {
        if (pod.boundVolumes().isEmpty() || !hasAnyZoneLabel(node.labels())) {
            return null;
        }
        for (BoundVolume v : pod.boundVolumes()) {
            for (String key : ZONE_LABELS) {
                String volumeValue = v.topologyLabels().get(key);
                if (volumeValue == null) {
                    continue;
                }
                String nodeValue = node.labels().get(key);
                if (nodeValue == null || !zoneSetContains(volumeValue, nodeValue)) {
                    return VOLUME_ZONE;
                }
            }
        }
        return null;
    }

    private static boolean hasAnyZoneLabel(Labels labels) {
        for (String key : ZONE_LABELS) {
            if (labels.containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    private static boolean zoneSetContains(String volumeValue, String nodeValue) {
        for (String zone : volumeValue.split("__", -1)) {
            if (zone.trim().equals(nodeValue)) {
                return true;
            }
        }
        return false;
    }
}
