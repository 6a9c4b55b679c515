package org.k8sca.bench.cluster;

import org.k8sca.core.labels.LabelSelector;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.labels.NodeSelector;
import org.k8sca.core.labels.NodeSelectorTerm;
import org.k8sca.core.labels.Requirement;
import org.k8sca.core.model.BoundVolume;
import org.k8sca.core.model.OwnerReference;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodAffinityTerm;
import org.k8sca.core.model.PodVolume;
import org.k8sca.core.model.Toleration;
import org.k8sca.core.model.TopologySpreadConstraint;
import org.k8sca.core.resources.Resources;
import org.k8sca.core.scaledown.drain.ControllerKey;

import java.util.List;

/**
 * One generated Deployment (through its ReplicaSet) or StatefulSet: every pod of it asks for the
 * same resources and carries the same constraints, as real replicas do.
 *
 * @param namespace the namespace
 * @param name the workload name; its pods are labelled {@code app=<name>}
 * @param stateful a StatefulSet whose pods each have a PV bound in their node's zone
 * @param milliCpu CPU request per pod
 * @param memoryBytes memory request per pod
 * @param antiAffinity pods repel each other per node (required anti-affinity on the hostname)
 * @param zoneSpread pods spread over zones with maxSkew 1 (DoNotSchedule)
 * @param batch pods tolerate the batch taint and select the batch group
 */
record Workload(
        String namespace,
        String name,
        boolean stateful,
        long milliCpu,
        long memoryBytes,
        boolean antiAffinity,
        boolean zoneSpread,
        boolean batch) {

    static final String HOSTNAME = "kubernetes.io/hostname";
    static final String ZONE = "topology.kubernetes.io/zone";

    Resources requests() {
        return Resources.of(milliCpu, memoryBytes, 0, 1, 0);
    }

    /** The owner of its pods: the StatefulSet, or the Deployment's current ReplicaSet. */
    OwnerReference owner() {
        return stateful
                ? OwnerReference.controller("StatefulSet", name, "sts-" + namespace + "-" + name)
                : OwnerReference.controller(
                        "ReplicaSet", name + "-6b7f9", "rs-" + namespace + "-" + name);
    }

    ControllerKey controllerKey() {
        OwnerReference o = owner();
        return new ControllerKey(o.kind(), namespace, o.name());
    }

    LabelSelector selector() {
        return LabelSelector.matchLabels("app", name);
    }

    /**
     * Pod number {@code index} of this workload.
     *
     * @param nodeName the node it runs on, or null when pending
     * @param zone the zone of its PV (stateful workloads only; ignored otherwise)
     */
    Pod pod(int index, String nodeName, String zone) {
        String podName =
                stateful ? name + "-" + index : name + "-6b7f9-" + Integer.toString(index, 36);
        Pod.Builder b =
                Pod.builder(namespace, podName)
                        .uid(namespace + "-" + podName)
                        .labels(Labels.of("app", name, "pod-template-hash", "6b7f9"))
                        .owner(owner())
                        .requests(Resources.of(milliCpu, memoryBytes, 0, 0, 0))
                        .creationTime(ClusterGenerator.BASE_TIME)
                        .nodeName(nodeName);
        if (antiAffinity) {
            b.antiAffinityTerms(List.of(PodAffinityTerm.of(selector(), HOSTNAME)));
        }
        if (zoneSpread) {
            b.spreadConstraints(
                    List.of(TopologySpreadConstraint.doNotSchedule(1, ZONE, selector())));
        }
        if (batch) {
            b.tolerations(
                            List.of(
                                    Toleration.equal(
                                            NodeShape.BATCH_TAINT.key(),
                                            NodeShape.BATCH_TAINT.value(),
                                            NodeShape.BATCH_TAINT.effect())))
                    .nodeSelector(
                            Labels.of(
                                    BenchCloudProvider.GROUP_LABEL, ClusterGenerator.BATCH_GROUP));
        }
        if (stateful) {
            String claim = "data-" + podName;
            b.boundVolumes(
                            List.of(
                                    new BoundVolume(
                                            claim,
                                            NodeSelector.of(
                                                    NodeSelectorTerm.of(
                                                            Requirement.in(ZONE, zone))),
                                            Labels.of(ZONE, zone))))
                    .volumes(List.of(new PodVolume(claim, PodVolume.Kind.OTHER)));
        }
        return b.build();
    }
}
