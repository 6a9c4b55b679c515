package org.k8sca.core.model;

import org.k8sca.core.labels.Interner;
import org.k8sca.core.labels.LabelSelector;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.labels.NodeSelector;
import org.k8sca.core.labels.Requirement;
import org.k8sca.core.resources.ContainerRequests;
import org.k8sca.core.resources.PodRequests;
import org.k8sca.core.resources.Resources;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pod, reduced to what scheduling and autoscaling need. Built with {@link #builder}, which
 * computes {@link #requests()} once from the containers with the scheduler's formula.
 *
 * @param namespace the namespace
 * @param name the pod name
 * @param uid the pod UID (unique in the snapshot)
 * @param labels pod labels
 * @param annotations pod annotations
 * @param owner the controller owner reference, or {@code null}
 * @param priority {@code spec.priority} (0 when unset)
 * @param requests effective requests including {@code pods = 1}
 * @param nodeName {@code spec.nodeName}: the node it is bound to, or empty when pending
 * @param nominatedNodeName {@code status.nominatedNodeName}, or empty
 * @param nodeSelector {@code spec.nodeSelector}
 * @param requiredNodeAffinity required node affinity, or {@code null}
 * @param tolerations tolerations
 * @param hostPorts host ports asked for by any container
 * @param affinityTerms required pod affinity terms, namespaces normalized
 * @param antiAffinityTerms required pod anti-affinity terms, namespaces normalized
 * @param spreadConstraints topology spread constraints, matchLabelKeys merged into selectors
 * @param boundVolumes PVCs bound to PVs that limit where the pod can run
 * @param unboundImmediateClaims whether a PVC with Immediate binding is still unbound
 * @param schedulingGates {@code spec.schedulingGates} names; a gated pod is not scheduled
 * @param creationTime when the pod was created (null when unknown)
 * @param terminating whether the pod has a deletion timestamp
 * @param lifecycle phase, restart policy, deletion time and grace period (scale-down reads them)
 * @param volumes the pod's volumes, for the local-storage drain rule
 */
public record Pod(
        String namespace,
        String name,
        String uid,
        Labels labels,
        Map<String, String> annotations,
        OwnerReference owner,
        int priority,
        Resources requests,
        String nodeName,
        String nominatedNodeName,
        Labels nodeSelector,
        NodeSelector requiredNodeAffinity,
        List<Toleration> tolerations,
        List<HostPort> hostPorts,
        List<PodAffinityTerm> affinityTerms,
        List<PodAffinityTerm> antiAffinityTerms,
        List<TopologySpreadConstraint> spreadConstraints,
        List<BoundVolume> boundVolumes,
        boolean unboundImmediateClaims,
        List<String> schedulingGates,
        Instant creationTime,
        boolean terminating,
        PodLifecycle lifecycle,
        List<PodVolume> volumes) {

    /** Annotation kubelet puts on mirror pods of static pods. */
    public static final String MIRROR_ANNOTATION = "kubernetes.io/config.mirror";

    /** Annotation that makes the autoscaler treat a pod as a DaemonSet pod. */
    public static final String DAEMONSET_POD_ANNOTATION =
            "cluster-autoscaler.kubernetes.io/daemonset-pod";

    private static final Interner<List<Toleration>> TOLERATION_SETS = new Interner<>();

    public Pod {
        if (namespace == null || namespace.isEmpty()) {
            throw new IllegalArgumentException("pod namespace is empty");
        }
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("pod name is empty in namespace " + namespace);
        }
        uid = uid == null || uid.isEmpty() ? namespace + "/" + name : uid;
        labels = labels == null ? Labels.EMPTY : labels;
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        Objects.requireNonNull(requests, "requests of pod " + namespace + "/" + name);
        nodeName = nodeName == null ? "" : nodeName;
        nominatedNodeName = nominatedNodeName == null ? "" : nominatedNodeName;
        nodeSelector = nodeSelector == null ? Labels.EMPTY : nodeSelector;
        tolerations =
                tolerations == null || tolerations.isEmpty()
                        ? List.of()
                        : TOLERATION_SETS.intern(List.copyOf(tolerations));
        hostPorts = hostPorts == null ? List.of() : List.copyOf(hostPorts);
        affinityTerms = normalize(affinityTerms, namespace);
        antiAffinityTerms = normalize(antiAffinityTerms, namespace);
        spreadConstraints = mergeMatchLabelKeys(spreadConstraints, labels);
        boundVolumes = boundVolumes == null ? List.of() : List.copyOf(boundVolumes);
        schedulingGates = schedulingGates == null ? List.of() : List.copyOf(schedulingGates);
        lifecycle = lifecycle == null ? PodLifecycle.RUNNING : lifecycle;
        volumes = volumes == null ? List.of() : List.copyOf(volumes);
    }

    private static List<PodAffinityTerm> normalize(List<PodAffinityTerm> terms, String namespace) {
        if (terms == null || terms.isEmpty()) {
            return List.of();
        }
        List<PodAffinityTerm> out = new ArrayList<>(terms.size());
        for (PodAffinityTerm t : terms) {
            out.add(t.normalizedFor(namespace));
        }
        return List.copyOf(out);
    }

    /**
     * For each key of {@code matchLabelKeys} that the pod has, the selector also requires the pod's
     * value, so the constraint counts only pods of the same revision (for example).
     */
    private static List<TopologySpreadConstraint> mergeMatchLabelKeys(
            List<TopologySpreadConstraint> constraints, Labels labels) {
        if (constraints == null || constraints.isEmpty()) {
            return List.of();
        }
        List<TopologySpreadConstraint> out = new ArrayList<>(constraints.size());
        for (TopologySpreadConstraint c : constraints) {
            LabelSelector selector = c.selector();
            for (String key : c.matchLabelKeys()) {
                String value = labels.get(key);
                if (value != null) {
                    selector = selector.and(Requirement.in(key, value));
                }
            }
            out.add(
                    new TopologySpreadConstraint(
                            c.maxSkew(),
                            c.topologyKey(),
                            c.doNotSchedule(),
                            selector,
                            c.minDomains(),
                            c.honorNodeAffinity(),
                            c.honorNodeTaints(),
                            List.of()));
        }
        return List.copyOf(out);
    }

    public static Builder builder(String namespace, String name) {
        return new Builder(namespace, name);
    }

    /** {@code namespace/name}, for messages. */
    public String key() {
        return namespace + "/" + name;
    }

    public boolean isBound() {
        return !nodeName.isEmpty();
    }

    public boolean isMirror() {
        return annotations.containsKey(MIRROR_ANNOTATION);
    }

    public boolean isDaemonSetPod() {
        return (owner != null && "DaemonSet".equals(owner.kind()))
                || "true".equals(annotations.get(DAEMONSET_POD_ANNOTATION));
    }

    public boolean hasSchedulingGates() {
        return !schedulingGates.isEmpty();
    }

    /** A copy bound to {@code node} (empty to unbind). */
    public Pod withNodeName(String node) {
        return new Pod(
                namespace,
                name,
                uid,
                labels,
                annotations,
                owner,
                priority,
                requests,
                node,
                nominatedNodeName,
                nodeSelector,
                requiredNodeAffinity,
                tolerations,
                hostPorts,
                affinityTerms,
                antiAffinityTerms,
                spreadConstraints,
                boundVolumes,
                unboundImmediateClaims,
                schedulingGates,
                creationTime,
                terminating,
                lifecycle,
                volumes);
    }

    /** A copy with another UID and name, e.g. for the n-th simulated replica. */
    public Pod withIdentity(String newName, String newUid) {
        return new Pod(
                namespace,
                newName,
                newUid,
                labels,
                annotations,
                owner,
                priority,
                requests,
                nodeName,
                nominatedNodeName,
                nodeSelector,
                requiredNodeAffinity,
                tolerations,
                hostPorts,
                affinityTerms,
                antiAffinityTerms,
                spreadConstraints,
                boundVolumes,
                unboundImmediateClaims,
                schedulingGates,
                creationTime,
                terminating,
                lifecycle,
                volumes);
    }

    @Override
    public String toString() {
        return "Pod["
                + key()
                + (nodeName.isEmpty() ? "" : " on " + nodeName)
                + ", requests="
                + requests
                + "]";
    }

    /** Builds pods. Requests come from the containers (or {@link #requests(Resources)}). */
    public static final class Builder {
        private final String namespace;
        private final String name;
        private String uid;
        private Labels labels = Labels.EMPTY;
        private Map<String, String> annotations = Map.of();
        private OwnerReference owner;
        private int priority;
        private List<ContainerRequests> containers = List.of();
        private List<ContainerRequests> initContainers = List.of();
        private Resources overhead = Resources.ZERO;
        private Resources podLevelRequests;
        private String nodeName = "";
        private String nominatedNodeName = "";
        private Labels nodeSelector = Labels.EMPTY;
        private NodeSelector requiredNodeAffinity;
        private List<Toleration> tolerations = List.of();
        private List<HostPort> hostPorts = List.of();
        private List<PodAffinityTerm> affinityTerms = List.of();
        private List<PodAffinityTerm> antiAffinityTerms = List.of();
        private List<TopologySpreadConstraint> spreadConstraints = List.of();
        private List<BoundVolume> boundVolumes = List.of();
        private boolean unboundImmediateClaims;
        private List<String> schedulingGates = List.of();
        private Instant creationTime;
        private boolean terminating;
        private PodLifecycle lifecycle = PodLifecycle.RUNNING;
        private List<PodVolume> volumes = List.of();

        private Builder(String namespace, String name) {
            this.namespace = namespace;
            this.name = name;
        }

        public Builder uid(String v) {
            uid = v;
            return this;
        }

        public Builder labels(Labels v) {
            labels = v;
            return this;
        }

        public Builder annotations(Map<String, String> v) {
            annotations = v;
            return this;
        }

        public Builder owner(OwnerReference v) {
            owner = v;
            return this;
        }

        public Builder priority(int v) {
            priority = v;
            return this;
        }

        public Builder containers(List<ContainerRequests> v) {
            containers = List.copyOf(v);
            return this;
        }

        public Builder initContainers(List<ContainerRequests> v) {
            initContainers = List.copyOf(v);
            return this;
        }

        public Builder overhead(Resources v) {
            overhead = v;
            return this;
        }

        /** {@code spec.resources.requests} (pod-level resources), or null. */
        public Builder podLevelRequests(Resources v) {
            podLevelRequests = v;
            return this;
        }

        /** Shortcut for a pod with one container asking for {@code requests}. */
        public Builder requests(Resources v) {
            containers = List.of(ContainerRequests.of("main", v));
            return this;
        }

        public Builder nodeName(String v) {
            nodeName = v;
            return this;
        }

        public Builder nominatedNodeName(String v) {
            nominatedNodeName = v;
            return this;
        }

        public Builder nodeSelector(Labels v) {
            nodeSelector = v;
            return this;
        }

        public Builder requiredNodeAffinity(NodeSelector v) {
            requiredNodeAffinity = v;
            return this;
        }

        public Builder tolerations(List<Toleration> v) {
            tolerations = v;
            return this;
        }

        public Builder hostPorts(List<HostPort> v) {
            hostPorts = v;
            return this;
        }

        public Builder affinityTerms(List<PodAffinityTerm> v) {
            affinityTerms = v;
            return this;
        }

        public Builder antiAffinityTerms(List<PodAffinityTerm> v) {
            antiAffinityTerms = v;
            return this;
        }

        public Builder spreadConstraints(List<TopologySpreadConstraint> v) {
            spreadConstraints = v;
            return this;
        }

        public Builder boundVolumes(List<BoundVolume> v) {
            boundVolumes = v;
            return this;
        }

        public Builder unboundImmediateClaims(boolean v) {
            unboundImmediateClaims = v;
            return this;
        }

        public Builder schedulingGates(List<String> v) {
            schedulingGates = v;
            return this;
        }

        public Builder creationTime(Instant v) {
            creationTime = v;
            return this;
        }

        public Builder terminating(boolean v) {
            terminating = v;
            return this;
        }

        public Builder lifecycle(PodLifecycle v) {
            lifecycle = v;
            return this;
        }

        public Builder volumes(List<PodVolume> v) {
            volumes = v;
            return this;
        }

        public Pod build() {
            Resources requests =
                    PodRequests.compute(containers, initContainers, overhead, podLevelRequests);
            return new Pod(
                    namespace,
                    name,
                    uid,
                    labels,
                    annotations,
                    owner,
                    priority,
                    requests,
                    nodeName,
                    nominatedNodeName,
                    nodeSelector,
                    requiredNodeAffinity,
                    tolerations,
                    hostPorts,
                    affinityTerms,
                    antiAffinityTerms,
                    spreadConstraints,
                    boundVolumes,
                    unboundImmediateClaims,
                    schedulingGates,
                    creationTime,
                    terminating,
                    lifecycle,
                    volumes);
        }
    }
}
