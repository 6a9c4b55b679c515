package org.k8sca.core.podgroup;

import org.k8sca.core.model.Pod;

import java.util.List;

/**
 * Pending pods that the scheduler would treat the same way. The predicate verdict of the first pod
 * (the exemplar) stands for all of them; binpacking still places each pod on its own.
 *
 * @param pods at least one pod; the first is the exemplar
 */
public record PodGroup(List<Pod> pods) {

    public PodGroup {
        pods = List.copyOf(pods);
        if (pods.isEmpty()) {
            throw new IllegalArgumentException("a pod group needs at least one pod");
        }
    }

    public static PodGroup of(Pod... pods) {
        return new PodGroup(List.of(pods));
    }

    public Pod exemplar() {
        return pods.get(0);
    }

    public int size() {
        return pods.size();
    }
}
