package org.k8sca.core.scaledown.actuation;

import org.k8sca.core.scaledown.ScaleDownOptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Runs node deletions. {@link #start} taints a batch synchronously (all or nothing); {@link #tick}
 * advances every deletion in flight and must be called regularly (every second or so) by a
 * scheduler of the caller, so the main loop never waits for a drain. The number in flight never
 * exceeds {@code --max-scale-down-parallelism}, nor drains {@code --max-drain-parallelism}.
 *
 * <p>Not thread-safe: call {@link #start}, {@link #tick} and the accessors from one thread (or
 * under one lock).
 */
public final class ScaleDownActuator {

    private final ScaleDownOptions options;
    private final ClusterOperations ops;
    private final Map<String, NodeDeletion> inFlight = new LinkedHashMap<>();
    private final List<DeletionResult> finished = new ArrayList<>();

    public ScaleDownActuator(ScaleDownOptions options, ClusterOperations ops) {
        this.options = Objects.requireNonNull(options, "options");
        this.ops = Objects.requireNonNull(ops, "ops");
    }

    /**
     * Taints the nodes and starts their deletions; requests beyond the parallelism budgets (empty
     * nodes are taken first) or for nodes already in flight are left out. If any taint fails, the
     * taints already applied in this batch are removed, {@code ScaleDownFailed} is recorded on the
     * failing node, and nothing starts.
     */
    public StartResult start(List<DeletionRequest> requests, Instant now) {
        List<DeletionRequest> batch = withinBudget(requests);
        List<String> tainted = new ArrayList<>();
        for (DeletionRequest r : batch) {
            String node = r.node().name();
            try {
                ops.taintToBeDeleted(node, now, options.cordonNodeBeforeTerminating());
                tainted.add(node);
            } catch (ClusterOperationException e) {
                for (String done : tainted) {
                    try {
                        ops.untaintToBeDeleted(done, options.cordonNodeBeforeTerminating());
                    } catch (ClusterOperationException ignored) {
                        // The startup cleanup removes taints left behind; the failure below is what
                        // matters.
                    }
                }
                String message = "failed to mark the node as toBeDeleted: " + e.getMessage();
                ops.nodeEvent(node, true, "ScaleDownFailed", message);
                return new StartResult(List.of(), Optional.of(node + ": " + message));
            }
        }
        for (DeletionRequest r : batch) {
            String node = r.node().name();
            ops.nodeEvent(node, false, "ScaleDown", "marked the node as toBeDeleted/unschedulable");
            inFlight.put(node, new NodeDeletion(r, now, options));
        }
        return new StartResult(tainted, Optional.empty());
    }

    private List<DeletionRequest> withinBudget(List<DeletionRequest> requests) {
        int total = options.maxScaleDownParallelism() - inFlight.size();
        int drains = options.maxDrainParallelism() - drainsInFlight();
        List<DeletionRequest> ordered = new ArrayList<>();
        requests.stream().filter(r -> r.removal().empty()).forEach(ordered::add);
        requests.stream().filter(r -> !r.removal().empty()).forEach(ordered::add);
        List<DeletionRequest> out = new ArrayList<>();
        for (DeletionRequest r : ordered) {
            boolean isEmpty = r.removal().empty();
            if (total <= 0 || (!isEmpty && drains <= 0) || inFlight.containsKey(r.node().name())) {
                continue;
            }
            total--;
            if (!isEmpty) {
                drains--;
            }
            out.add(r);
        }
        return out;
    }

    /** Advances every deletion in flight; finished ones move to {@link #takeFinished()}. */
    public void tick(Instant now) {
        for (NodeDeletion d : new ArrayList<>(inFlight.values())) {
            d.advance(now, ops);
            if (d.result() != null) {
                inFlight.remove(d.nodeName());
                finished.add(d.result());
            }
        }
    }

    /** Results of deletions that ended since the last call. */
    public List<DeletionResult> takeFinished() {
        List<DeletionResult> out = List.copyOf(finished);
        finished.clear();
        return out;
    }

    /** Nodes whose deletion is in flight (for the planner's {@code beingDeleted}). */
    public Set<String> inFlightNodes() {
        return Set.copyOf(inFlight.keySet());
    }

    public int emptyInFlight() {
        return (int) inFlight.values().stream().filter(NodeDeletion::empty).count();
    }

    public int drainsInFlight() {
        return (int) inFlight.values().stream().filter(d -> !d.empty()).count();
    }
}
