package org.k8sca.core.resources;

import java.util.List;

/**
 * Computes a pod's effective requests the way kube-scheduler does (NodeResourcesFit).
 *
 * <p>Init containers run one after another before the regular containers; sidecars (restartable
 * init containers) start in order and then keep running. So at any moment the pod needs:
 *
 * <ul>
 *   <li>while plain init container {@code i} runs: its requests plus all sidecars started before
 *       it;
 *   <li>when sidecar {@code i} starts: all sidecars up to and including it;
 *   <li>once the regular containers run: their sum plus all sidecars.
 * </ul>
 *
 * The pod's request is the per-resource maximum over these moments, plus {@code spec.overhead}.
 * When pod-level requests ({@code spec.resources.requests}) are set, they replace the container
 * aggregate for the resources they name (cpu and memory are the ones Kubernetes allows there). The
 * result always has {@code pods = 1}, so the pod count is checked like any other resource.
 */
public final class PodRequests {

    private PodRequests() {}

    /**
     * @param containers the regular containers
     * @param initContainers init containers in declaration order, sidecars flagged
     * @param overhead {@code spec.overhead} (RuntimeClass overhead), or {@link Resources#ZERO}
     * @param podLevel {@code spec.resources.requests}, or {@code null} when not set
     */
    public static Resources compute(
            List<ContainerRequests> containers,
            List<ContainerRequests> initContainers,
            Resources overhead,
            Resources podLevel) {
        Resources regular = Resources.ZERO;
        for (ContainerRequests c : containers) {
            regular = regular.plus(c.requests());
        }
        Resources sidecars = Resources.ZERO;
        Resources initPeak = Resources.ZERO;
        for (ContainerRequests c : initContainers) {
            Resources atThisPoint;
            if (c.restartableSidecar()) {
                sidecars = sidecars.plus(c.requests());
                atThisPoint = sidecars;
            } else {
                atThisPoint = c.requests().plus(sidecars);
            }
            initPeak = initPeak.max(atThisPoint);
        }
        Resources total = regular.plus(sidecars).max(initPeak);
        if (podLevel != null) {
            total = applyPodLevel(total, podLevel);
        }
        Resources withOverhead = total.plus(overhead);
        return withPods(withOverhead, 1);
    }

    /** Requests of a pod with only regular containers and nothing else. */
    public static Resources compute(List<ContainerRequests> containers) {
        return compute(containers, List.of(), Resources.ZERO, null);
    }

    private static Resources applyPodLevel(Resources aggregate, Resources podLevel) {
        Resources.Builder b =
                Resources.builder()
                        .milliCpu(
                                podLevel.milliCpu() > 0
                                        ? podLevel.milliCpu()
                                        : aggregate.milliCpu())
                        .memoryBytes(
                                podLevel.memoryBytes() > 0
                                        ? podLevel.memoryBytes()
                                        : aggregate.memoryBytes())
                        .ephemeralStorageBytes(aggregate.ephemeralStorageBytes())
                        .gpus(aggregate.gpus());
        for (String name : aggregate.extendedResourceNames()) {
            b.set(name, aggregate.get(name));
        }
        // Hugepages may also be given at pod level.
        for (String name : podLevel.extendedResourceNames()) {
            if (name.startsWith("hugepages-") && podLevel.get(name) > 0) {
                b.set(name, podLevel.get(name));
            }
        }
        return b.build();
    }

    private static Resources withPods(Resources r, long pods) {
        Resources.Builder b =
                Resources.builder()
                        .milliCpu(r.milliCpu())
                        .memoryBytes(r.memoryBytes())
                        .ephemeralStorageBytes(r.ephemeralStorageBytes())
                        .gpus(r.gpus())
                        .pods(pods);
        for (String name : r.extendedResourceNames()) {
            b.set(name, r.get(name));
        }
        return b.build();
    }
}
