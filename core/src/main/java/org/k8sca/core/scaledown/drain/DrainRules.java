package org.k8sca.core.scaledown.drain;

import org.k8sca.core.model.OwnerReference;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.PodVolume;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The drainability rules, evaluated per pod in the upstream order; the first rule that decides
 * wins. See {@link #verdict} for the table.
 */
public final class DrainRules {

    public static final String SAFE_TO_EVICT = "cluster-autoscaler.kubernetes.io/safe-to-evict";
    public static final String SAFE_TO_EVICT_LOCAL_VOLUMES =
            "cluster-autoscaler.kubernetes.io/safe-to-evict-local-volumes";
    public static final String KUBE_SYSTEM = "kube-system";

    /** A pod stuck terminating this long past its grace period no longer counts. */
    public static final Duration LONG_TERMINATING_EXTRA = Duration.ofSeconds(30);

    /** Controller kinds whose pods are recreated elsewhere when evicted. */
    private static final Set<String> REPLICATING_KINDS =
            Set.of("ReplicationController", "ReplicaSet", "Job", "StatefulSet");

    /** Controller kinds that must exist (rule 3). */
    private static final Set<String> CHECKED_KINDS =
            Set.of("ReplicationController", "ReplicaSet", "Job", "StatefulSet", "DaemonSet");

    /** Controllers whose replica count {@code --min-replica-count} applies to. */
    private static final Set<String> REPLICA_COUNTED_KINDS =
            Set.of("ReplicationController", "ReplicaSet");

    /** Pods to move go highest priority first, so important pods get the free room. */
    private static final Comparator<Pod> BY_PRIORITY =
            Comparator.comparingInt(Pod::priority)
                    .reversed()
                    .thenComparing(Pod::namespace)
                    .thenComparing(Pod::name);

    private final DrainRuleOptions options;
    private final WorkloadControllers controllers;
    private final Instant now;

    public DrainRules(DrainRuleOptions options, WorkloadControllers controllers, Instant now) {
        this.options = Objects.requireNonNull(options, "options");
        this.controllers = Objects.requireNonNull(controllers, "controllers");
        this.now = Objects.requireNonNull(now, "now");
    }

    /**
     * The fate of {@code pod} if its node is removed. Rules, in order:
     *
     * <ol>
     *   <li>mirror (static) pod: ignore;
     *   <li>terminating longer than grace + 30 s: ignore;
     *   <li>(skip-custom-controller) its RC/RS/Job/StatefulSet/DaemonSet must exist, and an RC/RS
     *       must have at least {@code --min-replica-count} replicas: else block;
     *   <li>DaemonSet pod: DaemonSet handling;
     *   <li>{@code safe-to-evict: "true"}: move (overrides every later rule);
     *   <li>terminal pod: ignore;
     *   <li>{@code safe-to-evict: "on-completion"}: wait for it to finish;
     *   <li>not replicated: block;
     *   <li>(skip-system-pods) kube-system without any PDB, younger than the timeout: block;
     *   <li>{@code safe-to-evict: "false"}: block;
     *   <li>(skip-local-storage) hostPath or disk emptyDir not listed as safe: block;
     *   <li>a covering PDB has no disruption left: block;
     * </ol>
     *
     * and anything else moves.
     */
    public PodVerdict verdict(Pod pod, PdbBudgets pdbs) {
        if (pod.isMirror()) {
            return PodVerdict.of(PodVerdict.Outcome.IGNORE, "mirror pod");
        }
        if (pod.lifecycle().terminatingLongerThanGracePlus(LONG_TERMINATING_EXTRA, now)) {
            return PodVerdict.of(PodVerdict.Outcome.IGNORE, "long-terminating pod");
        }
        OwnerReference owner = pod.owner();
        if (options.skipNodesWithCustomControllerPods()
                && owner != null
                && CHECKED_KINDS.contains(owner.kind())) {
            ControllerKey key = new ControllerKey(owner.kind(), pod.namespace(), owner.name());
            OptionalInt replicas = controllers.replicas(key);
            if (replicas.isEmpty()) {
                return PodVerdict.block(BlockReason.CONTROLLER_NOT_FOUND, "controller must exist");
            }
            if (REPLICA_COUNTED_KINDS.contains(owner.kind())
                    && replicas.getAsInt() < options.minReplicaCount()) {
                return PodVerdict.block(BlockReason.MIN_REPLICAS_REACHED, "min replica count");
            }
        }
        if (pod.isDaemonSetPod()) {
            return PodVerdict.of(PodVerdict.Outcome.DAEMON_SET, "DaemonSet pod");
        }
        String safeToEvict = pod.annotations().get(SAFE_TO_EVICT);
        if ("true".equals(safeToEvict)) {
            return PodVerdict.of(PodVerdict.Outcome.MOVE, "safe-to-evict annotation");
        }
        if (pod.lifecycle().terminal()) {
            return PodVerdict.of(PodVerdict.Outcome.IGNORE, "terminal pod");
        }
        if ("on-completion".equals(safeToEvict)) {
            return PodVerdict.of(
                    PodVerdict.Outcome.WAIT_FOR_COMPLETION, "safe-to-evict on-completion");
        }
        if (!replicated(owner)) {
            return PodVerdict.block(BlockReason.NOT_REPLICATED, "replicated");
        }
        if (options.skipNodesWithSystemPods()
                && KUBE_SYSTEM.equals(pod.namespace())
                && !pdbs.covered(pod)
                && !olderThan(pod, options.blockingSystemPodDisruptionTimeout())) {
            return PodVerdict.block(
                    BlockReason.UNMOVABLE_KUBE_SYSTEM_POD, "kube-system pod without PDB");
        }
        if ("false".equals(safeToEvict)) {
            return PodVerdict.block(
                    BlockReason.NOT_SAFE_TO_EVICT_ANNOTATION, "safe-to-evict false");
        }
        if (options.skipNodesWithLocalStorage() && hasUnsafeLocalStorage(pod)) {
            return PodVerdict.block(BlockReason.LOCAL_STORAGE_REQUESTED, "local storage");
        }
        if (!pdbs.canDisrupt(pod)) {
            return PodVerdict.block(BlockReason.NOT_ENOUGH_PDB, "PDB budget");
        }
        return PodVerdict.of(PodVerdict.Outcome.MOVE, "default");
    }

    /**
     * Applies {@link #verdict} to every pod of a node. The first blocking pod (in name order, so
     * the answer is stable) keeps the node.
     */
    public NodeDrain drain(Collection<Pod> pods, PdbBudgets pdbs) {
        List<Pod> sorted = new ArrayList<>(pods);
        sorted.sort(Comparator.comparing(Pod::namespace).thenComparing(Pod::name));
        List<Pod> move = new ArrayList<>();
        List<Pod> daemonSet = new ArrayList<>();
        List<Pod> onCompletion = new ArrayList<>();
        for (Pod pod : sorted) {
            PodVerdict v = verdict(pod, pdbs);
            switch (v.outcome()) {
                case BLOCK:
                    return new NodeDrain(List.of(), List.of(), List.of(), pod, v.blockReason());
                case MOVE:
                    move.add(pod);
                    break;
                case DAEMON_SET:
                    daemonSet.add(pod);
                    break;
                case WAIT_FOR_COMPLETION:
                    onCompletion.add(pod);
                    break;
                case IGNORE:
                default:
                    break;
            }
        }
        move.sort(BY_PRIORITY);
        return new NodeDrain(move, daemonSet, onCompletion, null, null);
    }

    private boolean replicated(OwnerReference owner) {
        if (owner == null || !owner.controller()) {
            return false;
        }
        return !options.skipNodesWithCustomControllerPods()
                || REPLICATING_KINDS.contains(owner.kind());
    }

    private boolean olderThan(Pod pod, Duration age) {
        return pod.creationTime() != null && pod.creationTime().plus(age).isBefore(now);
    }

    private static boolean hasUnsafeLocalStorage(Pod pod) {
        Set<String> safe = safeLocalVolumes(pod.annotations().get(SAFE_TO_EVICT_LOCAL_VOLUMES));
        for (PodVolume v : pod.volumes()) {
            if (v.isLocalStorage() && !safe.contains(v.name())) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> safeLocalVolumes(String annotation) {
        if (annotation == null || annotation.isBlank()) {
            return Set.of();
        }
        Set<String> out = new java.util.HashSet<>();
        for (String name : annotation.split(",")) {
            if (!name.isBlank()) {
                out.add(name.trim());
            }
        }
        return out;
    }
}
