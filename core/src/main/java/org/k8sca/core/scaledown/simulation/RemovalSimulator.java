package org.k8sca.core.scaledown.simulation;

import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.Taint;
import org.k8sca.core.scaledown.drain.DrainRules;
import org.k8sca.core.scaledown.drain.NodeDrain;
import org.k8sca.core.scaledown.drain.PdbBudgets;
import org.k8sca.core.scaledown.explain.UnremovableReason;
import org.k8sca.core.scaledown.taints.ScaleDownTaints;
import org.k8sca.core.scheduling.Placement;
import org.k8sca.core.scheduling.PredicateChecker;
import org.k8sca.core.snapshot.ClusterSnapshot;
import org.k8sca.core.snapshot.NodeInfo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds which candidate nodes can be removed together.
 *
 * <p>For each candidate, in the given order: apply the drain rules; take the node's pods off and
 * replace the node by a pod-less ghost carrying the ToBeDeleted taint (so topology spread still
 * sees its domain); place every pod to move on a node that is neither this one, nor already chosen
 * for removal, nor excluded by the caller. If all fit, the moves are committed (later candidates
 * see the moved pods), the ghost is dropped and the node's pods use up PDB budget. The snapshot is
 * left exactly as it was found.
 */
public final class RemovalSimulator {

    private final Clock clock;

    public RemovalSimulator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param snapshot all registered nodes and their pods; restored before returning
     * @param candidates node names to try, in order (empty nodes and last loop's unneeded nodes
     *     first)
     * @param excludedDestinations nodes pods must not move to (e.g. nodes being deleted)
     * @param rules the drain rules for this pass
     * @param pdbs the PDB budgets of this pass; consumed by each node found removable
     * @param budget how long the pass may run; candidates left when it ends are not evaluated
     * @param limit the most nodes worth finding (more could not be deleted before the next pass)
     */
    public SimulationResult simulate(
            ClusterSnapshot snapshot,
            List<String> candidates,
            Set<String> excludedDestinations,
            DrainRules rules,
            PdbBudgets pdbs,
            Duration budget,
            int limit) {
        Instant deadline = clock.instant().plus(budget);
        List<NodeRemoval> removable = new ArrayList<>();
        List<Unremovable> unremovable = new ArrayList<>();
        List<String> notEvaluated = new ArrayList<>();
        Set<String> removed = new HashSet<>();
        boolean timedOut = false;
        PredicateChecker checker = new PredicateChecker(snapshot);
        snapshot.fork();
        try {
            for (String name : candidates) {
                if (removable.size() >= limit) {
                    notEvaluated.add(name);
                    continue;
                }
                if (timedOut || !clock.instant().isBefore(deadline)) {
                    timedOut = true;
                    notEvaluated.add(name);
                    continue;
                }
                NodeInfo info = snapshot.nodeInfo(name);
                if (info == null) {
                    throw new IllegalArgumentException(
                            "candidate node " + name + " is not in the snapshot");
                }
                NodeDrain drain = rules.drain(info.pods(), pdbs);
                if (drain.blocked()) {
                    unremovable.add(
                            new Unremovable(
                                    name,
                                    UnremovableReason.BLOCKED_BY_POD,
                                    drain.blockingPod().key(),
                                    drain.blockReason(),
                                    ""));
                    continue;
                }
                Predicate<NodeInfo> destination =
                        n ->
                                !n.name().equals(name)
                                        && !removed.contains(n.name())
                                        && !excludedDestinations.contains(n.name());
                Attempt attempt =
                        tryRemove(snapshot, checker, info.node(), drain.podsToMove(), destination);
                if (attempt.failure() != null) {
                    unremovable.add(attempt.failure());
                    continue;
                }
                boolean risky = !pdbs.canDisruptAllAtOnce(drain.podsToMove());
                pdbs.consume(drain.podsToMove());
                removed.add(name);
                removable.add(new NodeRemoval(name, drain, attempt.destinations(), risky));
            }
        } finally {
            snapshot.revert();
        }
        return new SimulationResult(removable, unremovable, notEvaluated, timedOut);
    }

    /** Either where the pods went, or why one fits nowhere. */
    private record Attempt(Map<String, String> destinations, Unremovable failure) {}

    /**
     * Moves the pods off {@code node} and drops it, committing on success and reverting on failure.
     */
    private static Attempt tryRemove(
            ClusterSnapshot snapshot,
            PredicateChecker checker,
            Node node,
            Collection<Pod> podsToMove,
            Predicate<NodeInfo> destination) {
        snapshot.fork();
        snapshot.removeNode(node.name());
        snapshot.addNode(ghostOf(node));
        Map<String, String> destinations = new HashMap<>();
        String hint = null;
        for (Pod pod : podsToMove) {
            Pod unbound = pod.withNodeName("");
            Placement placement = checker.findNode(unbound, hint, destination);
            if (!placement.found()) {
                snapshot.revert();
                return new Attempt(
                        Map.of(),
                        new Unremovable(
                                node.name(),
                                UnremovableReason.NO_PLACE_TO_MOVE_PODS,
                                pod.key(),
                                null,
                                placement.failure().message()));
            }
            snapshot.addPod(unbound, placement.nodeName());
            destinations.put(pod.key(), placement.nodeName());
            hint = placement.nodeName();
        }
        snapshot.removeNode(node.name());
        snapshot.commit();
        return new Attempt(destinations, null);
    }

    private static Node ghostOf(Node node) {
        List<Taint> taints = new ArrayList<>(node.taints());
        taints.add(ScaleDownTaints.toBeDeleted(Instant.EPOCH));
        return node.toBuilder().taints(taints).build();
    }
}
