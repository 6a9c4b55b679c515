package org.k8sca.core.scaledown.eligibility;

import org.k8sca.core.model.Node;
import org.k8sca.core.model.Pod;
import org.k8sca.core.resources.Resources;
import org.k8sca.core.snapshot.NodeInfo;

import java.time.Duration;
import java.time.Instant;

/**
 * Computes {@link Utilization}. Pods stuck terminating past their grace period + 30 s are not
 * counted. With the ignore flags, DaemonSet or mirror pods are taken out of both the requests and
 * the allocatable, so a node that runs only them looks empty.
 */
public final class UtilizationCalculator {

    private static final Duration LONG_TERMINATING_EXTRA = Duration.ofSeconds(30);

    private UtilizationCalculator() {}

    /**
     * @param gpuNode whether the provider marks this node as a GPU node (see {@link
     *     org.k8sca.core.cloud.CloudProvider#gpuLabel()}), or it has GPUs allocatable
     */
    public static Utilization of(
            NodeInfo info,
            boolean ignoreDaemonSets,
            boolean ignoreMirrorPods,
            boolean gpuNode,
            Instant now) {
        Node node = info.node();
        Resources requested = Resources.ZERO;
        Resources ignored = Resources.ZERO;
        for (Pod pod : info.pods()) {
            if (pod.lifecycle().terminatingLongerThanGracePlus(LONG_TERMINATING_EXTRA, now)) {
                continue;
            }
            if ((ignoreDaemonSets && pod.isDaemonSetPod())
                    || (ignoreMirrorPods && pod.isMirror())) {
                ignored = ignored.plus(pod.requests());
                continue;
            }
            requested = requested.plus(pod.requests());
        }
        Resources allocatable = node.allocatable();
        double cpu = fraction(requested.milliCpu(), allocatable.milliCpu() - ignored.milliCpu());
        double memory =
                fraction(
                        requested.memoryBytes(), allocatable.memoryBytes() - ignored.memoryBytes());
        // A GPU not yet allocatable (driver still installing) counts as unused.
        double gpu =
                allocatable.gpus() <= 0
                        ? 0
                        : fraction(requested.gpus(), allocatable.gpus() - ignored.gpus());
        return new Utilization(cpu, memory, gpu, gpuNode || allocatable.gpus() > 0);
    }

    /**
     * requested / allocatable; a node with nothing allocatable is full if anything is asked of it.
     */
    private static double fraction(long requested, long allocatable) {
        if (allocatable <= 0) {
            return requested > 0 ? 1.0 : 0.0;
        }
        return (double) requested / allocatable;
    }
}
