package org.k8sca.core.podgroup;

import org.k8sca.core.model.OwnerReference;
import org.k8sca.core.model.Pod;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Splits pending pods into {@link PodGroup}s. Pods join one group when they have the same
 * controller UID and the same {@link SchedulingShape}. Pods without a controller and DaemonSet pods
 * each get a group of their own, and a controller with more than {@link #MAX_GROUPS_PER_CONTROLLER}
 * shapes gets single-pod groups for the extra shapes (so that one odd workload cannot make grouping
 * itself expensive).
 */
public final class EquivalenceGrouper {

    /** The upstream limit on distinct pod shapes remembered per controller. */
    public static final int MAX_GROUPS_PER_CONTROLLER = 10;

    private EquivalenceGrouper() {}

    /** The groups, in the order their first pod appears in {@code pods}. */
    public static List<PodGroup> group(List<Pod> pods) {
        Map<Object, List<Pod>> groups = new LinkedHashMap<>();
        Map<String, Integer> shapesPerController = new HashMap<>();
        for (Pod pod : pods) {
            OwnerReference owner = pod.owner();
            if (owner == null
                    || !owner.controller()
                    || owner.uid().isEmpty()
                    || pod.isDaemonSetPod()) {
                groups.put(new Single(pod.uid()), new ArrayList<>(List.of(pod)));
                continue;
            }
            Key key = new Key(owner.uid(), SchedulingShape.of(pod));
            List<Pod> existing = groups.get(key);
            if (existing != null) {
                existing.add(pod);
                continue;
            }
            int shapes = shapesPerController.merge(owner.uid(), 1, Integer::sum);
            Object groupKey = shapes <= MAX_GROUPS_PER_CONTROLLER ? key : new Single(pod.uid());
            groups.put(groupKey, new ArrayList<>(List.of(pod)));
        }
        List<PodGroup> out = new ArrayList<>(groups.size());
        for (List<Pod> members : groups.values()) {
            out.add(new PodGroup(members));
        }
        return out;
    }

    private record Key(String controllerUid, SchedulingShape shape) {
        Key {
            Objects.requireNonNull(controllerUid);
        }
    }

    private record Single(String podUid) {}
}
