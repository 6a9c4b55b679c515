package org.k8sca.core.scaleup;

import org.k8sca.core.cloud.NodeTemplate;
import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.Pod;
import org.k8sca.core.resources.Resources;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether two node groups are "similar" for {@code --balance-similar-node-groups}: same machine
 * shape (memory may differ a little), allocatable and free resources within a ratio, and the same
 * labels apart from those that naturally differ between groups (hostname, zone, region, ...).
 */
final class SimilarNodeGroups {

    /** Labels that differ between otherwise identical groups and never count. */
    static final Set<String> ALWAYS_IGNORED =
            Set.of(
                    "kubernetes.io/hostname",
                    "topology.kubernetes.io/zone",
                    "topology.kubernetes.io/region",
                    "failure-domain.beta.kubernetes.io/zone",
                    "failure-domain.beta.kubernetes.io/region",
                    "beta.kubernetes.io/fluentd-ds-ready",
                    "kops.k8s.io/instancegroup",
                    "topology.ebs.csi.aws.com/zone",
                    "topology.gke.io/zone");

    private SimilarNodeGroups() {}

    static boolean similar(NodeTemplate a, NodeTemplate b, ScaleUpConfig config) {
        Resources capA = a.node().capacity();
        Resources capB = b.node().capacity();
        if (capA.milliCpu() != capB.milliCpu()
                || capA.gpus() != capB.gpus()
                || capA.pods() != capB.pods()
                || capA.ephemeralStorageBytes() != capB.ephemeralStorageBytes()
                || !capA.extendedResourceNames().equals(capB.extendedResourceNames())
                || !within(
                        capA.memoryBytes(), capB.memoryBytes(), config.memoryDifferenceRatio())) {
            return false;
        }
        Resources allocA = a.node().allocatable();
        Resources allocB = b.node().allocatable();
        if (!within(allocA.milliCpu(), allocB.milliCpu(), config.maxAllocatableDifferenceRatio())
                || !within(
                        allocA.memoryBytes(),
                        allocB.memoryBytes(),
                        config.maxAllocatableDifferenceRatio())) {
            return false;
        }
        Resources freeA = allocA.minus(requested(a.pods()));
        Resources freeB = allocB.minus(requested(b.pods()));
        if (!within(freeA.milliCpu(), freeB.milliCpu(), config.maxFreeDifferenceRatio())
                || !within(
                        freeA.memoryBytes(),
                        freeB.memoryBytes(),
                        config.maxFreeDifferenceRatio())) {
            return false;
        }
        return comparedLabels(a.node().labels(), config)
                .equals(comparedLabels(b.node().labels(), config));
    }

    private static Resources requested(List<Pod> pods) {
        Resources sum = Resources.ZERO;
        for (Pod p : pods) {
            sum = sum.plus(p.requests());
        }
        return sum;
    }

    /** Whether {@code x} and {@code y} differ by at most {@code ratio} of the larger. */
    static boolean within(long x, long y, double ratio) {
        long larger = Math.max(x, y);
        if (larger <= 0) {
            return x == y;
        }
        return (double) (larger - Math.min(x, y)) / larger <= ratio;
    }

    private static Set<String> comparedLabels(Labels labels, ScaleUpConfig config) {
        Set<String> out = new HashSet<>();
        Set<String> only = new HashSet<>(config.balancingLabels());
        for (int i = 0; i < labels.size(); i++) {
            String key = labels.keyAt(i);
            boolean compared =
                    only.isEmpty()
                            ? !ALWAYS_IGNORED.contains(key)
                                    && !config.balancingIgnoreLabels().contains(key)
                                    && !key.equals(
                                            org.k8sca.core.template.NodeTemplates.TEMPLATE_LABEL)
                            : only.contains(key);
            if (compared) {
                out.add(key + "=" + labels.valueAt(i));
            }
        }
        return out;
    }
}
