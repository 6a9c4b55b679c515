package org.k8sca.core.scaleup;

import org.k8sca.core.model.Pod;
import org.k8sca.core.podgroup.EquivalenceGrouper;
import org.k8sca.core.podgroup.SchedulingShape;
import org.k8sca.core.scheduling.Placement;
import org.k8sca.core.scheduling.PredicateChecker;
import org.k8sca.core.snapshot.ClusterSnapshot;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes pending pods that fit on a node of the snapshot (a real one or a phantom upcoming one),
 * highest priority first, and binds each to the node it fits, so that later pods see the capacity
 * as used. This is what stops a second scale-up for pods whose nodes are still booting, and it
 * absorbs differences between this simulation and the real scheduler.
 *
 * <p>Once a pod of a controller with a given {@link SchedulingShape} fits nowhere, other pods of
 * that controller and shape are not tried again (at most {@link
 * EquivalenceGrouper#MAX_GROUPS_PER_CONTROLLER} shapes are remembered per controller).
 */
final class SchedulablePodFilter {

    /** Where each fitting pod went, the pods still pending, and pods not tried for lack of time. */
    record Result(Map<String, String> nodeByPodUid, List<Pod> stillPending, List<Pod> notTried) {}

    private SchedulablePodFilter() {}

    static Result filter(
            PredicateChecker checker, List<Pod> pending, Clock clock, Instant deadline) {
        ClusterSnapshot snapshot = checker.snapshot();
        List<Pod> byPriority = new ArrayList<>(pending);
        byPriority.sort(Comparator.comparingInt(Pod::priority).reversed());
        Map<String, String> placed = new HashMap<>();
        List<Pod> still = new ArrayList<>();
        List<Pod> notTried = new ArrayList<>();
        Map<String, Set<SchedulingShape>> failedShapes = new HashMap<>();
        String lastNode = null;
        for (int i = 0; i < byPriority.size(); i++) {
            Pod pod = byPriority.get(i);
            if (!clock.instant().isBefore(deadline)) {
                notTried.addAll(byPriority.subList(i, byPriority.size()));
                break;
            }
            String controller =
                    pod.owner() != null && pod.owner().controller() ? pod.owner().uid() : "";
            SchedulingShape shape = controller.isEmpty() ? null : SchedulingShape.of(pod);
            if (shape != null && failedShapes.getOrDefault(controller, Set.of()).contains(shape)) {
                still.add(pod);
                continue;
            }
            Placement placement = checker.findNode(pod, lastNode, n -> true);
            if (placement.found()) {
                snapshot.addPod(pod, placement.nodeName());
                placed.put(pod.uid(), placement.nodeName());
                lastNode = placement.nodeName();
            } else {
                still.add(pod);
                if (shape != null) {
                    Set<SchedulingShape> shapes =
                            failedShapes.computeIfAbsent(controller, k -> new HashSet<>());
                    if (shapes.size() < EquivalenceGrouper.MAX_GROUPS_PER_CONTROLLER) {
                        shapes.add(shape);
                    }
                }
            }
        }
        return new Result(placed, still, notTried);
    }
}
