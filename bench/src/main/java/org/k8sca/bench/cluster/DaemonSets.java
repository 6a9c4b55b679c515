package org.k8sca.bench.cluster;

import org.k8sca.core.labels.Labels;
import org.k8sca.core.model.DaemonSet;
import org.k8sca.core.model.OwnerReference;
import org.k8sca.core.model.Pod;
import org.k8sca.core.model.Toleration;
import org.k8sca.core.resources.Resources;

import java.util.List;

/** The DaemonSets every generated cluster runs on every node: proxy, log shipper, metrics. */
final class DaemonSets {

    static final int COUNT = 3;

    private DaemonSets() {}

    static List<DaemonSet> all() {
        return List.of(
                daemonSet("kube-proxy", 100, 128),
                daemonSet("fluent-bit", 50, 100),
                daemonSet("node-exporter", 25, 64));
    }

    private static DaemonSet daemonSet(String name, long milliCpu, long memMi) {
        String uid = "ds-" + name;
        Pod template =
                Pod.builder("kube-system", name)
                        .uid(uid)
                        .labels(Labels.of("app", name))
                        .owner(OwnerReference.controller("DaemonSet", name, uid))
                        .priority(2_000_001_000)
                        .tolerations(List.of(Toleration.everything()))
                        .requests(Resources.of(milliCpu, memMi << 20, 0, 0, 0))
                        .creationTime(ClusterGenerator.BASE_TIME)
                        .build();
        return new DaemonSet("kube-system", name, uid, template);
    }
}
