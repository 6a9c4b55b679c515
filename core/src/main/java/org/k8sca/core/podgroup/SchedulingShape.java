package org.k8sca.core.podgroup;

import org.k8sca.core.labels.Labels;
import org.k8sca.core.labels.NodeSelector;
import org.k8sca.core.model.BoundVolume;
import org.k8sca.core.model.HostPort;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodAffinityTerm;
import org.k8sca.core.model.Toleration;
import org.k8sca.core.model.TopologySpreadConstraint;
import org.k8sca.core.resources.Resources;

import java.util.List;

/**
 * The part of a pod that scheduling depends on. Two pods with equal shapes get the same answer from
 * every scheduler filter on the same node. Name, UID, annotations and creation time are left out:
 * they differ between replicas but do not change where a pod fits.
 */
public record SchedulingShape(
        String namespace,
        Labels labels,
        int priority,
        Resources requests,
        Labels nodeSelector,
        NodeSelector requiredNodeAffinity,
        List<Toleration> tolerations,
        List<HostPort> hostPorts,
        List<PodAffinityTerm> affinityTerms,
        List<PodAffinityTerm> antiAffinityTerms,
        List<TopologySpreadConstraint> spreadConstraints,
        List<BoundVolume> boundVolumes,
        boolean unboundImmediateClaims) {

    public static SchedulingShape of(Pod p) {
        return new SchedulingShape(
                p.namespace(),
                p.labels(),
                p.priority(),
                p.requests(),
                p.nodeSelector(),
                p.requiredNodeAffinity(),
                p.tolerations(),
                p.hostPorts(),
                p.affinityTerms(),
                p.antiAffinityTerms(),
                p.spreadConstraints(),
                p.boundVolumes(),
                p.unboundImmediateClaims());
    }
}
